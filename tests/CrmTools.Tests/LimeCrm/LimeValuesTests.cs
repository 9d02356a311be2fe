using System;
using System.Collections;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeCrm;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    /// <summary>How values are checked and shaped against a property's metadata.</summary>
    public class LimeValuesTests
    {
        private static readonly LimeType Company = LimeTypeReader.Read(JsonDocument.Parse(@"{
            ""name"": ""company"", ""localname"": {""singular"": ""Company"", ""plural"": ""Companies""},
            ""_embedded"": {""properties"": [
              {""name"": ""name"", ""type"": ""string"", ""length"": 8, ""required"": true},
              {""name"": ""employees"", ""type"": ""integer""},
              {""name"": ""turnover"", ""type"": ""decimal""},
              {""name"": ""active"", ""type"": ""yesno""},
              {""name"": ""founded"", ""type"": ""time""},
              {""name"": ""status"", ""type"": ""option"", ""options"": [{""id"": 1, ""key"": ""a"", ""text"": ""Active""}, {""id"": 2, ""key"": ""old"", ""localname"": ""Old"", ""inactive"": true}]},
              {""name"": ""tags"", ""type"": ""set"", ""options"": [{""key"": ""x""}, {""key"": ""y""}]},
              {""name"": ""parent"", ""type"": ""belongsto"", ""_links"": {""related_type"": {""name"": ""company""}}},
              {""name"": ""persons"", ""type"": ""hasmany"", ""relation"": {""related_limetype"": ""person""}},
              {""name"": ""custom"", ""type"": ""hologram"", ""shiny"": true}
            ]}}").RootElement);

        private static object? Coerce(string property, object? value) => LimeValues.Coerce(Company.FindProperty(property)!, value, LimeValueUse.Write);

        private static CrmValidationException Fails(string property, object? value) =>
            Assert.Throws<CrmValidationException>(() => Coerce(property, value));

        [Fact]
        public void Metadata_reads_localnames_options_relations_and_keeps_unknown_fields()
        {
            Assert.Equal("Companies", Company.LocalNamePlural);
            Assert.Equal("Old", Company.FindProperty("STATUS")!.Options[1].Text);
            Assert.Equal("company", Company.FindProperty("parent")!.RelatedLimetype);
            Assert.Equal("person", Company.FindProperty("persons")!.RelatedLimetype);
            Assert.Equal(LimeValueKind.Other, Company.FindProperty("custom")!.Kind);
            Assert.True(Company.FindProperty("custom")!.AdditionalProperties["shiny"].GetBoolean());
        }

        [Fact]
        public void Text_from_a_csv_becomes_the_property_type()
        {
            Assert.Equal(42L, Coerce("employees", "42"));
            Assert.Equal(42L, Coerce("employees", 42.0));
            Assert.Equal(1234.5m, Coerce("turnover", "1234.5"));
            Assert.Equal(true, Coerce("active", "yes"));
            Assert.Equal(false, Coerce("active", 0));
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:48:45Z"), Coerce("founded", "2024-02-22T15:48:45Z"));
            Assert.Equal("a", ((LimeOption)Coerce("status", "ACTIVE")!).Key);
            Assert.Equal("a", ((LimeOption)Coerce("status", 1)!).Key);
            Assert.Equal(new[] { "x", "y" }, ((LimeOption[])Coerce("tags", "x;y")!).Select(o => o.Key));
            Assert.Equal(7L, Coerce("parent", "7"));
            Assert.Null(Coerce("parent", ""));
        }

        [Fact]
        public void A_relation_by_unique_value_is_a_lookup()
        {
            var byName = Assert.IsType<LimeRelationLookup>(Coerce("parent", "Acme AB"));
            Assert.Equal("Acme AB", byName.NaturalKey);
            var byCriteria = Assert.IsType<LimeRelationLookup>(Coerce("parent", new Hashtable { ["registrationno"] = "556" }));
            Assert.Equal("company", byCriteria.Limetype);
            Assert.Equal("registrationno", byCriteria.Criteria.Single().Key);
        }

        [Theory]
        [InlineData("employees", "many", "InvalidPropertyValue", "'company.employees' (integer) takes a whole number")]
        [InlineData("employees", 4.5, "InvalidPropertyValue", "4.5")]
        [InlineData("active", "perhaps", "InvalidPropertyValue", "yes/no")]
        [InlineData("founded", "soonish", "InvalidPropertyValue", "a date and time")]
        [InlineData("status", "b", "OptionNotAllowed", "Allowed: a (Active).")]
        [InlineData("status", "old", "OptionNotAllowed", "is inactive")]
        [InlineData("tags", "z", "OptionNotAllowed", "Allowed: x, y.")]
        [InlineData("name", "Much too long", "ValueTooLong", "takes at most 8 characters")]
        [InlineData("persons", 5, "PropertyNotWritable", "from the person side")]
        [InlineData("parent", -3, "InvalidPropertyValue", "a related company")]
        public void Values_that_do_not_fit_name_the_property_and_what_is_allowed(string property, object value, string errorId, string message)
        {
            var error = Fails(property, value);

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal("LimeCrm", error.Service);
            Assert.Contains(message, error.Message);
        }

        [Fact]
        public void Text_from_elsewhere_is_cut_to_the_length_when_asked()
        {
            Assert.Equal("Much too", LimeValues.Coerce(Company.FindProperty("name")!, "Much too long", LimeValueUse.WriteTruncating));
        }

        [Fact]
        public void Options_equal_and_sort_by_their_key()
        {
            var active = (LimeOption)Coerce("status", "a")!;
            Assert.True(active.Equals("A"));
            Assert.Equal(0, active.CompareTo("a"));
            Assert.Equal("a", active.ToString());
        }
    }
}
