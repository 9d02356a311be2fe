using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// The signature the service puts on each webhook event: the lowercase hexadecimal SHA-1 of
    /// the event id written in decimal immediately followed by the API key, with no separator,
    /// both as UTF-8. E.g. event 984 and key "abc": SHA-1("984abc").
    /// </summary>
    public static class PplWebhookSignature
    {
        public static string Compute(long eventId, string apiKey)
        {
            if (apiKey == null) throw new ArgumentNullException(nameof(apiKey));
            using var sha1 = SHA1.Create();
            var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(eventId.ToString(CultureInfo.InvariantCulture) + apiKey));
            var sb = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>True when <paramref name="signature"/> is the event's signature under <paramref name="apiKey"/>.</summary>
        public static bool Verify(long eventId, string? signature, string apiKey)
        {
            if (string.IsNullOrWhiteSpace(signature)) return false;
            var expected = Encoding.ASCII.GetBytes(Compute(eventId, apiKey));
            var given = Encoding.ASCII.GetBytes(signature!.Trim().ToLowerInvariant());
            return FixedTimeEquals(expected, given);
        }

        // Comparing in constant time keeps a caller from learning the signature byte by byte.
        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
