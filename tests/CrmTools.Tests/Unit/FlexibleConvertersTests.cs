using System;
using CrmTools.Engine.Json;
using Xunit;

namespace CrmTools.Tests.Unit
{
    public class FlexibleConvertersTests
    {
        [Theory]
        [InlineData("2014-02-28T17:37:33.000Z", "2014-02-28T17:37:33+00:00")]
        [InlineData("2026-03-04T02:58:14Z", "2026-03-04T02:58:14+00:00")]
        [InlineData("2012-09-07T16:49:56+0300", "2012-09-07T16:49:56+03:00")]
        [InlineData("2014-03-12", "2014-03-12T00:00:00+00:00")]
        [InlineData("2014-03-12 09:30:00", "2014-03-12T09:30:00+00:00")]
        public void Dates_in_every_form_the_services_send(string text, string expected) =>
            Assert.Equal(DateTimeOffset.Parse(expected), FlexibleDateTimeOffsetConverter.Parse(text));

        [Theory]
        [InlineData("")]
        [InlineData("not a date")]
        [InlineData(null)]
        public void Unreadable_dates_are_null_not_failures(string? text) =>
            Assert.Null(FlexibleDateTimeOffsetConverter.Parse(text));
    }
}
