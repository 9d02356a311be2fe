using System;
using System.Collections.Generic;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>What kind of value a limetype property holds, as far as reading and writing it cares.</summary>
    public enum LimeValueKind
    {
        /// <summary>string, text, phone, link, email and other free text.</summary>
        Text,
        /// <summary>integer, year, file (a file id).</summary>
        Integer,
        /// <summary>decimal, percent.</summary>
        Decimal,
        /// <summary>yesno.</summary>
        YesNo,
        /// <summary>time, date (a point in time with its offset).</summary>
        Time,
        /// <summary>option: one of the property's options, by key.</summary>
        Option,
        /// <summary>set: any number of the property's options.</summary>
        Set,
        /// <summary>belongsto, hasone: the id of one related object.</summary>
        BelongsTo,
        /// <summary>hasmany, hasandbelongstomany: set from the other side of the relation, not here.</summary>
        HasMany,
        /// <summary>system and other properties the API does not let a client write.</summary>
        ReadOnly,
        /// <summary>A type this module does not know: read as it comes, written as given.</summary>
        Other,
    }

    internal static class LimeValueKinds
    {
        private static readonly Dictionary<string, LimeValueKind> ByType = new Dictionary<string, LimeValueKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["string"] = LimeValueKind.Text,
            ["text"] = LimeValueKind.Text,
            ["phone"] = LimeValueKind.Text,
            ["link"] = LimeValueKind.Text,
            ["email"] = LimeValueKind.Text,
            ["url"] = LimeValueKind.Text,
            ["html"] = LimeValueKind.Text,
            ["integer"] = LimeValueKind.Integer,
            ["year"] = LimeValueKind.Integer,
            ["file"] = LimeValueKind.Integer,
            ["decimal"] = LimeValueKind.Decimal,
            ["percent"] = LimeValueKind.Decimal,
            ["float"] = LimeValueKind.Decimal,
            ["yesno"] = LimeValueKind.YesNo,
            ["time"] = LimeValueKind.Time,
            ["date"] = LimeValueKind.Time,
            ["datetime"] = LimeValueKind.Time,
            ["option"] = LimeValueKind.Option,
            ["set"] = LimeValueKind.Set,
            ["belongsto"] = LimeValueKind.BelongsTo,
            ["hasone"] = LimeValueKind.BelongsTo,
            ["hasmany"] = LimeValueKind.HasMany,
            ["hasandbelongstomany"] = LimeValueKind.HasMany,
            ["system"] = LimeValueKind.ReadOnly,
        };

        public static LimeValueKind FromType(string? type) =>
            type != null && ByType.TryGetValue(type, out var kind) ? kind : LimeValueKind.Other;

        /// <summary>How a kind is named in error messages.</summary>
        public static string Describe(LimeValueKind kind) => kind switch
        {
            LimeValueKind.Text => "text",
            LimeValueKind.Integer => "a whole number",
            LimeValueKind.Decimal => "a number",
            LimeValueKind.YesNo => "yes/no ($true or $false)",
            LimeValueKind.Time => "a date and time",
            LimeValueKind.Option => "one option",
            LimeValueKind.Set => "a set of options",
            LimeValueKind.BelongsTo => "a related object (an id, an object, or @{ property = unique value })",
            LimeValueKind.HasMany => "a list of related objects",
            LimeValueKind.ReadOnly => "read-only",
            _ => "a value",
        };
    }
}
