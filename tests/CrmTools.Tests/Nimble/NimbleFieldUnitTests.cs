using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>The readings of the fields metadata a real server may send, and the presentation rules checked before sending.</summary>
    public class NimbleFieldUnitTests
    {
        [Fact]
        public void Contact_metadata_is_read_as_a_single_tab_with_list_contact_types_and_choices_in_either_shape()
        {
            var json = @"{""tab_id"": ""t1"", ""tab_name"": ""Extra"", ""contact_types"": [""person"", ""company""], ""members"": [
                {""type"": ""field"", ""name"": ""Size"", ""field_id"": ""f1"", ""field_type"": {""field_kind"": ""choice"", ""values"": [{""id"": 1, ""value"": ""S""}, ""M""]}},
                {""name"": ""Box"", ""group_id"": ""g1"", ""fields"": [{""name"": ""Web"", ""field_id"": ""f2"", ""field_type"": {""field_kind"": ""string"", ""validation_rule"": {""type"": ""url""}}, ""presentation"": {}}]}]}";
            var layout = NimbleContactFieldLayout.Read(JsonDocument.Parse(json).RootElement);
            var tab = Assert.Single(layout.Tabs);
            Assert.Equal(new[] { "person", "company" }, tab.ContactTypes);
            Assert.Equal(2, tab.FieldCount);
            Assert.Equal(new[] { "Box" }, tab.Groups);
            var size = layout.FindField("size");
            Assert.Equal(new[] { "1:S", "M:M" }, size.Choices.Select(c => c.Id + ":" + c.Value));
            var web = layout.FindField("f2");
            Assert.Equal(("Box", "url"), (web.Group, web.ValidationRule));
            Assert.Equal("g1", layout.LastMemberId(tab, null));
            Assert.Equal("f2", layout.LastMemberId(tab, layout.FindGroup("Box")));
        }

        [Fact]
        public void Pipeline_metadata_is_read_with_nested_or_flat_fields_a_single_member_and_a_kind_string()
        {
            var json = @"{""pipelines_tabs"": [
                  {""tab_id"": ""t1"", ""tab_name"": ""Details"", ""pipeline_id"": ""p1"", ""members"":
                    {""type"": ""group"", ""group_name"": ""Contract"", ""group_id"": ""g1"", ""fields"": [{""type"": ""field"", ""field"": {""field_id"": ""f1"", ""field_name"": ""Term"", ""field_type"": ""choice"", ""values"": {""values"": [{""id"": ""1"", ""value"": ""Annual""}]}}, ""pipeline_id"": ""p1""}]}},
                  {""tab_id"": ""t2"", ""pipeline_id"": ""p2"", ""members"": [{""type"": ""field"", ""field_id"": ""f9"", ""name"": ""Flat"", ""field_type"": {""field_kind"": ""number""}}]}],
                ""standard_fields"": [{""field_id"": ""s1"", ""field_name"": ""amount"", ""field_type"": ""number""}]}";
            var layout = NimblePipelineFieldLayout.Read(JsonDocument.Parse(json).RootElement);
            var term = layout.FindField("p1", "Term");
            Assert.Equal(("choice", "Contract", "Annual"), (term.Kind, term.Group, term.Choices.Single().Value));
            Assert.Equal("number", layout.FindField("p2", "flat").Kind);
            Assert.True(layout.StandardFields.Single().IsStandard);
            Assert.Equal("g1", layout.LastMemberId("p1", null));
            var missing = Assert.Throws<CrmException>(() => layout.FindField("p2", "Term"));
            Assert.Equal(CrmErrorKind.NotFound, missing.Kind);
            Assert.Contains("Flat", missing.Message);
        }

        [Theory]
        [InlineData("Number", null, null, null, "{\"number_type\":\"integer\"}")]
        [InlineData("Number", "Percentage", null, null, "{\"number_type\":\"percentage\",\"fraction_digits\":2}")]
        [InlineData("Number", null, null, "eur", "{\"number_type\":\"financial\",\"currency\":\"EUR\"}")]
        [InlineData("Number", "Financial", null, null, "{\"number_type\":\"financial\",\"currency\":null}")]
        [InlineData("DateTime", null, "%Y-%m-%d", null, "{\"date_format\":\"%Y-%m-%d\",\"ignore_specific_time\":null}")]
        [InlineData("datetime", null, null, null, "{\"date_format\":null,\"ignore_specific_time\":false}")]
        public void Presentations_match_the_kind(string kind, string? format, string? dateFormat, string? currency, string expected)
        {
            var presentation = new NimbleFieldPresentation { NumberFormat = format, DateFormat = dateFormat, Currency = currency };
            Assert.Equal(expected, presentation.ToJson(NimbleFieldDefinition.NormalizeKind(kind))!.ToJsonString());
        }

        [Fact]
        public void Presentations_and_choices_that_do_not_fit_are_refused_naming_the_parameter()
        {
            CrmValidationException Refused(NimbleFieldDefinition d) => Assert.Throws<CrmValidationException>(d.Validate);
            Assert.Equal("Decimals", Refused(new NimbleFieldDefinition { Kind = "number", Presentation = { NumberFormat = "integer", Decimals = 2 } }).ParameterName);
            Assert.Equal("Currency", Refused(new NimbleFieldDefinition { Kind = "number", Presentation = { NumberFormat = "financial", Currency = "EURO" } }).ParameterName);
            Assert.Equal("DateFormat", Refused(new NimbleFieldDefinition { Kind = "boolean", Presentation = { DateFormat = "%Y" } }).ParameterName);
            Assert.Equal("Choice", Refused(new NimbleFieldDefinition { Kind = "string", Choices = new[] { "a" } }).ParameterName);
            Assert.Equal("ValidationRule", Refused(new NimbleFieldDefinition { Kind = "number", ValidationRule = "email" }).ParameterName);
            Assert.Equal("Kind", Assert.Throws<CrmValidationException>(() => NimbleFieldDefinition.NormalizeKind("money")).ParameterName);
            Assert.Equal("long_string", NimbleFieldDefinition.NormalizeKind("LongString"));
        }

        [Fact]
        public void New_choice_ids_follow_numbered_choices_and_are_object_ids_otherwise()
        {
            Assert.Equal("1", NimbleChoices.NextId(new string[0]));
            Assert.Equal("10", NimbleChoices.NextId(new[] { "2", "9", "3" }));
            Assert.Matches("^[0-9a-f]{24}$", NimbleChoices.NextId(new[] { "5f1e0c", "2" }));
        }
    }
}
