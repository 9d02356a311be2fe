using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>The closed sets the service documents: event names and customer relations.</summary>
    public static class LimeGoVocabulary
    {
        /// <summary>The event names a subscription can ask for (PascalCase, as the service spells them).</summary>
        public static readonly IReadOnlyList<string> EventTypes = new[]
        {
            "OrganizationBeenInTouch", "OrganizationHasNoRelation", "OrganizationIsACustomer", "OrganizationWasACustomer",
            "OrganizationWorkingOnIt", "DealWon", "DealLost", "DealStatusChange", "CallPositive", "CallNegative",
            "MeetingBooked", "MeetingReported", "MeetingCancelled",
        };

        /// <summary>The values of an organization's customerRelation (GraphQL enum).</summary>
        public static readonly IReadOnlyList<string> Relations = new[]
        {
            "NO_RELATION", "BEEN_IN_TOUCH", "WORKING_ON_IT", "IS_A_CUSTOMER", "WAS_A_CUSTOMER",
        };

        /// <summary>The canonical spelling of each name, or a validation error naming <paramref name="parameter"/>.</summary>
        public static string[] CanonicalEventTypes(IEnumerable<string>? names, string parameter) =>
            (names ?? Enumerable.Empty<string>()).Select(n => Canonical(n, EventTypes, parameter, "event name")).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>The relation in the service's spelling (IS_A_CUSTOMER; isacustomer and IsACustomer are accepted).</summary>
        public static string CanonicalRelation(string relation, string parameter)
        {
            var squeezed = Squeeze(relation);
            var match = Relations.FirstOrDefault(r => Squeeze(r) == squeezed);
            return match ?? throw new CrmValidationException(LimeGoConnection.ServicePrefix, parameter,
                $"'{relation}' is not a customer relation. Allowed: {string.Join(", ", Relations)}.");
        }

        internal static string Canonical(string value, IReadOnlyList<string> allowed, string parameter, string what)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
            return match ?? throw new CrmValidationException(LimeGoConnection.ServicePrefix, parameter,
                $"'{value}' is not a valid {what}. Allowed: {string.Join(", ", allowed)}.");
        }

        private static string Squeeze(string? value) => new string((value ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
    }
}
