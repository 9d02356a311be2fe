using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>The account's contact fields: name, id, whether it holds several values, and its modifiers.</summary>
    internal static class NimbleFields
    {
        public sealed class Field
        {
            public Field(string name, string id, bool multiples, params string[] modifiers)
            {
                Name = name;
                Id = id;
                Multiples = multiples;
                Modifiers = modifiers;
            }

            public string Name { get; }
            public string Id { get; }
            public bool Multiples { get; }

            /// <summary>Allowed modifiers; empty means the field takes none ("").</summary>
            public string[] Modifiers { get; }
        }

        private static readonly string[] Contact = { "work", "personal", "other" };
        private static readonly string[] Phones = { "work", "mobile", "home", "fax", "main", "other" };

        public static readonly IReadOnlyList<Field> All = new[]
        {
            new Field("first name", "5049f697a694620a07000043", false),
            new Field("last name", "5049f697a694620a07000044", false),
            new Field("middle name", "5049f697a694620a07000045", false),
            new Field("company name", "5049f697a694620a07000046", false),
            new Field("title", "5049f697a694620a07000047", false),
            new Field("parent company", "5049f697a694620a07000048", false),
            new Field("source", "5049f697a694620a07000049", false),
            new Field("description", "5049f697a694620a0700004a", true, "other", "linkedin", "twitter"),
            new Field("email", "5049f697a694620a07000065", true, Contact),
            new Field("phone", "5049f697a694620a07000066", true, Phones),
            new Field("address", "5049f697a694620a07000067", true, "work", "home", "other"),
            new Field("URL", "5049f697a694620a07000068", true, "work", "personal", "other"),
            new Field("birthday", "5049f697a694620a07000069", false),
            new Field("lead status", "5049f697a694620a0700008d", false),
            new Field("lead source", "5049f697a694620a0700008e", false),
            new Field("lead type", "5049f697a694620a0700008f", false),
            new Field("rating", "5049f697a694620a07000090", false),
            new Field("linkedin", "5049f697a694620a07000091", true, "personal", "work", "other"),
            new Field("twitter", "5049f697a694620a07000092", true, "personal", "work", "other"),
        };

        public static Field? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

        public static string IdOf(string name) => Find(name)?.Id ?? "000000000000000000000000";
    }
}
