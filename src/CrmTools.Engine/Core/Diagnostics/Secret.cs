using System;
using System.Net;
using System.Security;

namespace CrmTools.Engine.Diagnostics
{
    /// <summary>
    /// A credential value (API key, token, password). It never prints itself, and every value
    /// created is registered with <see cref="Redactor"/> so it is scrubbed from any log line or
    /// error text even if some code path forgot to redact it.
    /// </summary>
    public sealed class Secret
    {
        private readonly string _value;

        public Secret(string value)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException("A secret cannot be empty.", nameof(value));
            _value = value;
            Redactor.RegisterSecret(value);
        }

        public static Secret FromSecureString(SecureString value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return new Secret(new NetworkCredential(string.Empty, value).Password);
        }

        public static Secret? FromSecureStringOrNull(SecureString? value) =>
            value == null || value.Length == 0 ? null : FromSecureString(value);

        /// <summary>The clear value: only for putting it on the wire.</summary>
        internal string Reveal() => _value;

        /// <summary>For tests and token caches inside the engine only.</summary>
        internal bool Matches(string candidate) => string.Equals(_value, candidate, StringComparison.Ordinal);

        public override string ToString() => "********";
    }
}
