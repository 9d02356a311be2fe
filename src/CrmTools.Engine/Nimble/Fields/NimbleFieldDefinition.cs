using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>
    /// What a new custom field (contact or pipeline) holds: its kind (<c>field_type.field_kind</c>), its choices, a
    /// validation rule for text, and how its values show (<c>presentation</c>). Checked before anything is sent: the
    /// presentation must match the kind, as the service requires.
    /// </summary>
    public sealed class NimbleFieldDefinition
    {
        /// <summary>The kinds a field can be created with (Fields.FieldTypeOnFieldCreation).</summary>
        public static readonly IReadOnlyList<string> Kinds = new[] { "string", "long_string", "choice", "number", "datetime", "boolean", "address", "user" };

        /// <summary>string, long_string, choice, number, datetime, boolean, address or user ("LongString" and "DateTime" are read too).</summary>
        public string Kind { get; set; } = "string";

        /// <summary>The choices of a choice field, in order; their ids are 1, 2, 3, ...</summary>
        public IReadOnlyList<string>? Choices { get; set; }

        /// <summary>Show the choices sorted by text (ordering_type alphabetic) rather than in the given order.</summary>
        public bool AlphabeticChoices { get; set; }

        /// <summary>email or url: what a string field's values must look like.</summary>
        public string? ValidationRule { get; set; }

        public NimbleFieldPresentation Presentation { get; set; } = new NimbleFieldPresentation();

        internal string WireKind => NormalizeKind(Kind);

        /// <summary>Checks kind, choices, rule and presentation together (throws CrmValidationException), so that -WhatIf and bulk runs report bad input before anything is sent.</summary>
        public void Validate()
        {
            FieldTypeJson();
            Presentation.ToJson(WireKind);
        }

        /// <summary>field_type: {"field_kind": ...} plus the choices or the validation rule.</summary>
        internal JsonObject FieldTypeJson()
        {
            var kind = WireKind;
            var type = new JsonObject { ["field_kind"] = kind };
            if (Choices != null && Choices.Count > 0 && kind != "choice")
            {
                throw new CrmValidationException("Nimble", "Choice", $"Only a choice field has choices; this field is '{kind}'.");
            }
            if (kind == "choice")
            {
                var choices = NimbleChoices.Check(Choices ?? Array.Empty<string>(), "Choice");
                type["values"] = new JsonObject
                {
                    ["ordering_type"] = AlphabeticChoices ? "alphabetic" : "ordinal",
                    ["values"] = new JsonArray(choices.Select((c, i) => (JsonNode?)new JsonObject
                    {
                        ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                        ["value"] = c,
                    }).ToArray()),
                };
            }
            if (ValidationRule != null)
            {
                if (kind != "string") throw new CrmValidationException("Nimble", "ValidationRule", "Only a string field has a validation rule.");
                var rule = ValidationRule.Trim().ToLowerInvariant();
                if (rule != "email" && rule != "url") throw new CrmValidationException("Nimble", "ValidationRule", $"'{ValidationRule}' is not a validation rule: use email or url.");
                type["validation_rule"] = new JsonObject { ["type"] = rule };
            }
            return type;
        }

        /// <summary>The service's kind name for "LongString", "long_string", "DateTime", ...</summary>
        public static string NormalizeKind(string? kind)
        {
            var k = (kind ?? string.Empty).Trim().Replace("_", string.Empty).ToLowerInvariant();
            var found = Kinds.FirstOrDefault(x => x.Replace("_", string.Empty) == k);
            return found ?? throw new CrmValidationException("Nimble", "Kind", $"'{kind}' is not a field kind. Kinds: {string.Join(", ", Kinds)}.");
        }
    }

    /// <summary>Choices of a choice field: found by id or text, and ids for new ones.</summary>
    public static class NimbleChoices
    {
        /// <summary>Choice texts: not empty, unique (case-insensitively), trimmed.</summary>
        public static List<string> Check(IEnumerable<string> choices, string parameter)
        {
            var list = choices.Select(c => c?.Trim() ?? string.Empty).ToList();
            if (list.Any(c => c.Length == 0)) throw new CrmValidationException("Nimble", parameter, "A choice must not be empty.");
            var twice = list.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (twice != null) throw new CrmValidationException("Nimble", parameter, $"The choice '{twice.Key}' is given twice.");
            return list;
        }

        /// <summary>A choice by id (exact), else by text (case-insensitive).</summary>
        public static NimbleFieldChoice Find(IReadOnlyList<NimbleFieldChoice> choices, string idOrValue, string fieldName) =>
            NimbleFieldLookup.Find(choices, idOrValue, c => c.Id, c => c.Value, $"choice of the field '{fieldName}'", "Choice", "FieldChoice");

        /// <summary>
        /// An id for a new choice (the service wants the client to choose it): the next number when the field's
        /// choices are numbered, as the service's own are; otherwise a fresh 24-hex-digit id like its object ids.
        /// </summary>
        public static string NextId(IEnumerable<string> existingIds)
        {
            var ids = existingIds.ToList();
            if (ids.All(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var max = ids.Count == 0 ? 0 : ids.Max(i => long.Parse(i, CultureInfo.InvariantCulture));
                return (max + 1).ToString(CultureInfo.InvariantCulture);
            }
            var bytes = new byte[8];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// How a field's values show: numbers (integer, decimal and percentage with fraction digits, financial with a
    /// currency) and dates (a strftime format, or the user's format with or without the time). Other kinds have none.
    /// </summary>
    public sealed class NimbleFieldPresentation
    {
        /// <summary>integer, decimal, percentage or financial.</summary>
        public string? NumberFormat { get; set; }

        /// <summary>Fraction digits of decimal and percentage numbers (at least 1; 2 when not given).</summary>
        public int? Decimals { get; set; }

        /// <summary>ISO-4217 code of a financial number (the user's currency when not given).</summary>
        public string? Currency { get; set; }

        /// <summary>A strftime-like date format; the user's format when not given.</summary>
        public string? DateFormat { get; set; }

        /// <summary>Show dates without the time (only with the user's date format).</summary>
        public bool? DateOnly { get; set; }

        public bool IsEmpty => NumberFormat == null && Decimals == null && Currency == null && DateFormat == null && DateOnly == null;

        /// <summary>The presentation for a field of <paramref name="kind"/>; null for kinds that have none.</summary>
        internal JsonObject? ToJson(string kind)
        {
            var isNumber = kind == "number";
            var isDate = kind == "datetime";
            if (!isNumber && (NumberFormat != null || Decimals != null || Currency != null))
            {
                throw new CrmValidationException("Nimble", NumberFormat != null ? "NumberFormat" : Decimals != null ? "Decimals" : "Currency",
                    $"-NumberFormat, -Decimals and -Currency are for number fields; this field is '{kind}'.");
            }
            if (!isDate && (DateFormat != null || DateOnly != null))
            {
                throw new CrmValidationException("Nimble", DateFormat != null ? "DateFormat" : "DateOnly", $"-DateFormat and -DateOnly are for datetime fields; this field is '{kind}'.");
            }
            if (isNumber)
            {
                var format = (NumberFormat ?? (Decimals != null ? "decimal" : Currency != null ? "financial" : "integer")).Trim().ToLowerInvariant();
                switch (format)
                {
                    case "integer":
                        if (Decimals != null || Currency != null) throw new CrmValidationException("Nimble", Decimals != null ? "Decimals" : "Currency", "An integer number has no fraction digits or currency.");
                        return new JsonObject { ["number_type"] = "integer" };
                    case "decimal":
                    case "percentage":
                        if (Currency != null) throw new CrmValidationException("Nimble", "Currency", "Only a financial number has a currency.");
                        var digits = Decimals ?? 2;
                        if (digits < 1) throw new CrmValidationException("Nimble", "Decimals", "A decimal or percentage number has at least 1 fraction digit.");
                        return new JsonObject { ["number_type"] = format, ["fraction_digits"] = digits };
                    case "financial":
                        if (Decimals != null) throw new CrmValidationException("Nimble", "Decimals", "A financial number has no fraction digits setting; it shows its currency's.");
                        string? currency = null;
                        if (Currency != null)
                        {
                            currency = Currency.Trim().ToUpperInvariant();
                            if (currency.Length != 3 || !currency.All(c => c >= 'A' && c <= 'Z')) throw new CrmValidationException("Nimble", "Currency", $"'{Currency}' is not an ISO-4217 currency code.");
                        }
                        return new JsonObject { ["number_type"] = "financial", ["currency"] = currency };
                    default:
                        throw new CrmValidationException("Nimble", "NumberFormat", $"'{NumberFormat}' is not a number format: use integer, decimal, percentage or financial.");
                }
            }
            if (isDate)
            {
                if (DateFormat != null && DateOnly != null) throw new CrmValidationException("Nimble", "DateOnly", "-DateOnly applies to the user's date format: give -DateFormat or -DateOnly, not both.");
                if (DateFormat != null && DateFormat.Trim().Length == 0) throw new CrmValidationException("Nimble", "DateFormat", "The date format is empty.");
                // Both keys are required; ignore_specific_time must be null when a format is given.
                return new JsonObject { ["date_format"] = DateFormat, ["ignore_specific_time"] = DateFormat == null ? DateOnly ?? false : (bool?)null };
            }
            return null;
        }
    }
}
