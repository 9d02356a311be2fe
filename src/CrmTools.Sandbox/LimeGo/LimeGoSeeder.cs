using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmTools.Sandbox.LimeGo
{
    /// <summary>
    /// Deterministic account data: 8 coworkers (ids 1..8; two of them share the name "Erik Lind"), 60 organizations
    /// (ids 101..160) and 120 deals (ids 1001..1120), each with a responsible coworker, tags and a custom field.
    /// </summary>
    internal static class LimeGoSeeder
    {
        public const int OrganizationCount = 60;
        public const int DealCount = 120;
        public const int FirstOrganizationId = 101;
        public const int FirstDealId = 1001;

        private static readonly (string First, string Last)[] People =
        {
            ("Anna", "Svensson"), ("Erik", "Lind"), ("Sofia", "Åberg"), ("Lars", "Nyström"),
            ("Maja", "Holm"), ("Erik", "Lind"), ("Johan", "Ek"), ("Karin", "Björk"),
        };

        private static readonly string[] Prefixes = { "Nordic", "Ankeborg", "Fjäll", "Kust", "Stad", "Skog", "Sjö", "Berg", "Älv", "Ljus" };
        private static readonly string[] Suffixes = { "Bygg AB", "Data AB", "Konsult", "Logistik AB", "Media", "Energi AB" };
        private static readonly string[] Cities = { "Stockholm", "Göteborg", "Malmö", "Uppsala", "Lund", "Umeå", "Örebro" };
        private static readonly string[] Tags = { "vip", "partner", "nordics", "public-sector", "smb" };
        private static readonly string[] DealKinds = { "Licenser", "Införande", "Support", "Utbildning", "Konsulttimmar" };
        private static readonly string[] Temperatures = { "COLD", "WARM", "HOT" };

        public static void Seed(LimeGoAccount account, Random random)
        {
            for (var i = 0; i < People.Length; i++)
            {
                var (first, last) = People[i];
                var suffix = i == 5 ? "2" : "";
                account.Coworkers.Add(new LgCoworker
                {
                    Id = i + 1,
                    FirstName = first,
                    LastName = last,
                    Email = Ascii(first).ToLowerInvariant() + "." + Ascii(last).ToLowerInvariant() + suffix + "@example.se",
                    PhoneNumber = "+46 70 555 01 " + (10 + i).ToString(CultureInfo.InvariantCulture),
                });
            }
            for (var i = 0; i < OrganizationCount; i++)
            {
                var org = new LgOrganization
                {
                    Id = FirstOrganizationId + i,
                    Name = Prefixes[i % Prefixes.Length] + " " + Suffixes[(i / Prefixes.Length) % Suffixes.Length],
                    City = Cities[random.Next(Cities.Length)],
                    PhoneNumber = "+46 8 555 " + (1000 + i).ToString(CultureInfo.InvariantCulture),
                    OrganizationNumber = "55" + (60000000 + i * 7919).ToString(CultureInfo.InvariantCulture),
                    IntegrationId = "erp-" + (5000 + i).ToString(CultureInfo.InvariantCulture),
                    Temperature = Temperatures[random.Next(Temperatures.Length)],
                    CustomerRelation = LimeGoAccount.Relations[random.Next(LimeGoAccount.Relations.Length)],
                    ResponsibleCoworker = account.Coworkers[random.Next(account.Coworkers.Count)],
                };
                org.Email = "info@" + Ascii(org.Name).ToLowerInvariant().Replace(" ", "") + ".example.se";
                org.Tags.Add(Tags[random.Next(Tags.Length)]);
                var second = Tags[random.Next(Tags.Length)];
                if (random.Next(3) == 0 && !org.Tags.Contains(second)) org.Tags.Add(second);
                org.CustomFields.Add(new LgCustomField { Title = "Segment", Type = "text", Value = random.Next(2) == 0 ? "Enterprise" : "SMB" });
                account.Organizations.Add(org);
            }
            for (var i = 0; i < DealCount; i++)
            {
                var customer = account.Organizations[random.Next(account.Organizations.Count)];
                var deal = new LgDeal
                {
                    Id = FirstDealId + i,
                    Name = DealKinds[random.Next(DealKinds.Length)] + " " + customer.Name,
                    Customer = customer,
                    Status = LimeGoAccount.DealStatuses[random.Next(LimeGoAccount.DealStatuses.Length)],
                    Source = random.Next(2) == 0 ? "Web" : "Referral",
                    Value = 5000m * (1 + random.Next(60)),
                    ResponsibleCoworker = account.Coworkers[random.Next(account.Coworkers.Count)],
                };
                deal.Tags.Add(Tags[random.Next(Tags.Length)]);
                deal.CustomFields.Add(new LgCustomField { Title = "Probability", Type = "number", Value = (10 * random.Next(11)).ToString(CultureInfo.InvariantCulture) });
                customer.Deals.Add(deal);
                account.Deals.Add(deal);
            }
        }

        // Ö -> O, å -> a, ...: e-mail addresses and domains in plain ASCII.
        private static string Ascii(string text)
        {
            var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
            var chars = new List<char>(normalized.Length);
            foreach (var c in normalized)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) chars.Add(c);
            }
            return new string(chars.ToArray());
        }
    }
}
