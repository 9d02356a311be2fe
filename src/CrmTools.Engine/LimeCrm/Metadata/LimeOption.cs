using System;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// An option of an option or set property: in a limetype's metadata (the allowed values) and as the
    /// value of a limeobject's property ({id, key, text} on the wire).
    /// It equals and sorts by its key, case-insensitively, and also equals a string naming that key, so
    /// <c>Where-Object buyingstatus -eq 'active'</c> and <c>Sort-Object buyingstatus</c> read naturally;
    /// it prints as its key, which is also what filters and writes take.
    /// </summary>
    public sealed class LimeOption : IComparable, IComparable<LimeOption>, IEquatable<LimeOption>
    {
        public LimeOption(long? id, string key, string? text, bool inactive = false)
        {
            Id = id;
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Text = text;
            Inactive = inactive;
        }

        public long? Id { get; }

        /// <summary>The stable name of the option (filters and writes use it).</summary>
        public string Key { get; }

        /// <summary>The option's display text.</summary>
        public string? Text { get; }

        /// <summary>A retired option: still shown on old objects, not allowed on new values.</summary>
        public bool Inactive { get; }

        public bool Equals(LimeOption? other) => other != null && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => obj switch
        {
            LimeOption option => Equals(option),
            string key => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Key);

        public int CompareTo(LimeOption? other) => other == null ? 1 : string.Compare(Key, other.Key, StringComparison.OrdinalIgnoreCase);

        public int CompareTo(object? obj) => obj switch
        {
            null => 1,
            LimeOption option => CompareTo(option),
            string key => string.Compare(Key, key, StringComparison.OrdinalIgnoreCase),
            _ => throw new ArgumentException("A Lime CRM option compares with another option or a key.", nameof(obj)),
        };

        public override string ToString() => Key;

        /// <summary>"key (Text)" for messages.</summary>
        internal string Describe() => string.IsNullOrEmpty(Text) || string.Equals(Text, Key, StringComparison.Ordinal) ? Key : $"{Key} ({Text})";
    }
}
