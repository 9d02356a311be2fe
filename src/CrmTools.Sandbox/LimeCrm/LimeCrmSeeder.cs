using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>
    /// Deterministic data (same seed, same objects): 40 companies, 160 persons (most with an e-mail address,
    /// some with unicode names), 30 deals, 120 history notes and 8 helpdesk tickets. The first company is
    /// "Acme AB" and its first person "Anna Berg", anna.berg@acme.example, +46 8 123 456 00, for examples.
    /// </summary>
    internal static class LimeCrmSeeder
    {
        public const int CompanyCount = 40;
        public const int PersonCount = 160;

        private static readonly string[] CompanyNames =
        {
            "Acme", "Nordwind", "Ångström Konsult", "Müller & Söhne", "Café Olé", "Globex", "Initech", "Hooli", "Zürich Data",
            "København Design", "Sakura Trading", "Orbit Labs", "Blue Horizon", "Łódź Logistics", "Oceanic", "Aperture", "Vandelay",
            "Bäckerei Groß", "Tyrell", "Wonka",
        };

        private static readonly string[] Suffixes = { "AB", "GmbH", "SL", "ApS", "Ltd", "Inc.", "Oy", "AS" };

        private static readonly string[] Cities = { "Stockholm", "Lund", "Malmö", "Göteborg", "Hamburg", "Köln", "Madrid", "Oslo", "København", "Zürich" };

        private static readonly string[] FirstNames =
        {
            "Anna", "Erik", "Zoë", "José", "Björn", "Chloé", "Søren", "Łukasz", "Inès", "Priya", "Mateo", "Aiko", "Olivia", "Noah", "Émile", "Hannah",
        };

        private static readonly string[] LastNames =
        {
            "Berg", "Lindqvist", "Ångström", "Núñez", "Ødegaard", "Dubois", "Kowalski", "Patel", "Nakamura", "Müller", "García", "Johansson", "O'Brien", "Rossi",
        };

        private static readonly string[] Positions = { "CEO", "Sales manager", "Purchaser", "IT manager", "CFO", "Marketing", "Support" };

        private static readonly string[] Notes =
        {
            "Called about the renewal; wants a new quote.",
            "Sent the product sheet.",
            "Met at the trade fair in Göteborg.",
            "Asked for a demo next week.",
            "No answer, will try again on Monday.",
        };

        public static void Seed(LimeCrmState state)
        {
            state.Clear();
            var random = new Random(state.Seed);
            var company = state.Type("company")!;
            var person = state.Type("person")!;
            var deal = state.Type("deal")!;
            var history = state.Type("history")!;
            var helpdesk = state.Type("helpdesk")!;
            var buying = company.Property("buyingstatus")!.Options.Where(o => !o.Inactive).Select(o => o.Key).ToArray();
            var categories = company.Property("categories")!.Options.Select(o => o.Key).ToArray();

            var companies = new List<LimeRecord>();
            for (var i = 0; i < CompanyCount; i++)
            {
                var c = state.Add(company);
                var name = CompanyNames[i % CompanyNames.Length] + " " + Suffixes[(i / CompanyNames.Length + i) % Suffixes.Length];
                if (i == 0) name = "Acme AB";
                c.Values["name"] = name;
                c.Values["phone"] = Phone(random);
                c.Values["www"] = "https://www." + Ascii(CompanyNames[i % CompanyNames.Length]) + ".example";
                c.Values["visitingcity"] = Cities[i % Cities.Length];
                c.Values["country"] = i % 3 == 0 ? "Sweden" : i % 3 == 1 ? "Germany" : "Spain";
                c.Values["registrationno"] = "55" + random.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
                c.Values["buyingstatus"] = i == 0 ? "active" : buying[random.Next(buying.Length)];
                c.Values["categories"] = categories.Where(_ => random.Next(3) == 0).ToList();
                companies.Add(c);
            }
            // One company name shared by two companies, to show a lookup that is not unique.
            companies[CompanyCount - 1].Values["name"] = companies[CompanyCount - 2].Values["name"];

            var persons = new List<LimeRecord>();
            for (var i = 0; i < PersonCount; i++)
            {
                var p = state.Add(person);
                var first = i == 0 ? "Anna" : FirstNames[random.Next(FirstNames.Length)];
                var last = i == 0 ? "Berg" : LastNames[random.Next(LastNames.Length)];
                var employer = companies[i % CompanyCount];
                p.Values["firstname"] = first;
                p.Values["lastname"] = last;
                if (i == 0 || random.Next(10) > 0)
                {
                    p.Values["email"] = Ascii(first) + "." + Ascii(last) + (i == 0 ? string.Empty : (i + 1).ToString(CultureInfo.InvariantCulture)) +
                                        "@" + Ascii(((string)employer.Values["name"]!).Split(' ')[0]) + ".example";
                }
                p.Values["phone"] = i == 0 ? "+46 8 123 456 00" : Phone(random);
                if (random.Next(2) == 0) p.Values["mobilephone"] = "+46 70 " + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + " " + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
                p.Values["position"] = Positions[random.Next(Positions.Length)];
                p.Values["inactive"] = random.Next(12) == 0;
                p.Values["company"] = employer.Id;
                persons.Add(p);
            }

            var statuses = deal.Property("dealstatus")!.Options.Select(o => o.Key).ToArray();
            for (var i = 0; i < 30; i++)
            {
                var d = state.Add(deal);
                var owner = persons[random.Next(persons.Count)];
                var status = statuses[random.Next(statuses.Length)];
                d.Values["name"] = "Deal " + (i + 1).ToString(CultureInfo.InvariantCulture) + " " + (string)state.Find("company", (long)owner.Values["company"]!)!.Values["name"]!;
                d.Values["value"] = (decimal)random.Next(10, 500) * 1000m;
                d.Values["probability"] = status == "agreement" ? 1m : status == "rejection" ? 0m : random.Next(1, 10) / 10m;
                d.Values["dealstatus"] = status;
                if (status == "agreement" || status == "rejection") d.Values["closeddate"] = state.Clock.AddDays(-random.Next(1, 300));
                d.Values["company"] = owner.Values["company"];
                d.Values["person"] = owner.Id;
            }

            var types = history.Property("type")!.Options.Select(o => o.Key).Where(k => k != "chat").ToArray();
            for (var i = 0; i < 120; i++)
            {
                var h = state.Add(history);
                var about = persons[random.Next(persons.Count)];
                h.Values["type"] = types[random.Next(types.Length)];
                h.Values["date"] = state.Clock.AddDays(-random.Next(1, 400)).AddMinutes(-random.Next(0, 600));
                h.Values["note"] = Notes[random.Next(Notes.Length)];
                h.Values["person"] = about.Id;
                h.Values["company"] = about.Values["company"];
            }

            for (var i = 0; i < 8; i++)
            {
                var t = state.Add(helpdesk);
                var about = persons[random.Next(persons.Count)];
                t.Values["title"] = "Ticket " + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + Notes[random.Next(Notes.Length)];
                t.Values["status"] = i % 3 == 0 ? "closed" : i % 3 == 1 ? "open" : "new";
                t.Values["person"] = about.Id;
                t.Values["company"] = about.Values["company"];
            }
        }

        private static string Phone(Random random) =>
            "+46 8 " + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + " " + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + " " +
            random.Next(10, 99).ToString(CultureInfo.InvariantCulture);

        /// <summary>A name as it would appear in an e-mail address: letters only, accents removed, lower case.</summary>
        private static string Ascii(string text)
        {
            var sb = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (c == 'ø' || c == 'Ø') sb.Append('o');
                else if (c == 'ł' || c == 'Ł') sb.Append('l');
                else if (c < 128 && char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }
    }
}
