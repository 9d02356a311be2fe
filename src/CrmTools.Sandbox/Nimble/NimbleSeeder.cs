using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>Deterministic sample data: people and companies, two pipelines with stages, deals in them.</summary>
    internal static class NimbleSeeder
    {
        public const int DefaultContactCount = 150;

        private static readonly DateTimeOffset Epoch = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

        private static readonly string[] FirstNames = { "Amayak", "Zoë", "José", "Chloé", "Björn", "Priya", "Liam", "Mei", "Omar", "Sofia", "Jonas", "Aiko", "Noah", "Lena", "Mateo", "Ingrid" };
        private static readonly string[] LastNames = { "Akopyan", "Ångström", "Núñez", "Dubois", "Ødegaard", "Patel", "Walsh", "Chen", "Haddad", "Rossi", "Berg", "Tanaka", "Meyer", "Novak", "García", "Larsen" };
        private static readonly string[] Companies = { "Nimble", "Acme Corp", "Globex", "Initech", "Umbrella Labs", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Import", "Soylent", "Tyrell Corp", "Cyberdyne" };
        private static readonly string[] Titles = { "CEO", "CTO", "Sales Director", "Account Manager", "Engineer", "Buyer", "Office Manager" };
        private static readonly string[] Cities = { "Dushanbe", "Lisbon", "Oslo", "Lyon", "Austin", "Pune", "Osaka", "Berlin" };
        private static readonly string[] TagPool = { "vip", "csv import", "partner", "newsletter", "lead", "customer" };

        public static void Seed(NimbleState state, int contactCount)
        {
            state.Contacts.Clear();
            state.Deals.Clear();
            state.Pipelines.Clear();
            state.Tasks.Clear();
            state.Notes.Clear();
            state.DealNotes.Clear();
            state.FieldCatalog = NimbleFieldCatalog.CreateStandard();
            var random = new Random(state.Seed);
            var companies = new List<NimbleContactRecord>();
            for (int i = 0; i < Math.Min(Companies.Length, Math.Max(0, contactCount / 6)); i++)
            {
                var c = NewContact(state, "company", Epoch.AddDays(-400 + i * 7));
                c.Set("company name", new List<NimbleValue> { new NimbleValue(Companies[i], "") });
                c.Set("URL", new List<NimbleValue> { new NimbleValue("https://" + Companies[i].ToLowerInvariant().Replace(" ", "") + ".example", "work") });
                c.Set("phone", new List<NimbleValue> { new NimbleValue("+1 801 555 " + (1000 + i), "work") });
                c.Set("address", new List<NimbleValue> { new NimbleValue(Address(Cities[i % Cities.Length], i), "work") });
                if (i % 3 == 0) c.Tags.Add("partner");
                companies.Add(c);
            }
            while (state.Contacts.Count < contactCount)
            {
                var n = state.Contacts.Count;
                var c = NewContact(state, "person", Epoch.AddDays(-380 + n).AddMinutes(random.Next(0, 600)));
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                c.Set("first name", new List<NimbleValue> { new NimbleValue(first, "") });
                c.Set("last name", new List<NimbleValue> { new NimbleValue(last, "") });
                var email = (first + "." + last + n).ToLowerInvariant().Replace("ë", "e").Replace("é", "e").Replace("ú", "u").Replace("ñ", "n")
                    .Replace("å", "a").Replace("ø", "o").Replace("í", "i").Replace("ö", "o") + "@example.com";
                c.Set("email", new List<NimbleValue> { new NimbleValue(email, "work") });
                if (random.Next(3) == 0) c.Set("phone", new List<NimbleValue> { new NimbleValue("+1 801 555 " + (2000 + n), "mobile") });
                if (companies.Count > 0 && random.Next(2) == 0)
                {
                    var company = companies[random.Next(companies.Count)];
                    c.Set("company name", new List<NimbleValue> { new NimbleValue(company.First("company name"), "") });
                    c.Set("title", new List<NimbleValue> { new NimbleValue(Titles[random.Next(Titles.Length)], "") });
                }
                if (random.Next(4) == 0) c.Set("lead status", new List<NimbleValue> { new NimbleValue(random.Next(2) == 0 ? "Open" : "Qualified", "") });
                c.Set("source", new List<NimbleValue> { new NimbleValue(random.Next(3) == 0 ? "csv" : "web", "") });
                foreach (var tag in TagPool) if (random.Next(6) == 0) c.Tags.Add(tag);
            }

            var sales = NewPipeline(state, "Sales Pipeline", isDefault: true, "USD",
                ("Lead In", 10, false, null), ("Qualified", 25, false, null), ("Proposal", 50, false, null), ("Negotiation", 75, false, null),
                ("Won", 100, true, "won"), ("Lost", 0, true, "lost"));
            sales.LostReasons.Add(new KeyValuePair<string, string>(state.NewId("stage"), "Price"));
            sales.LostReasons.Add(new KeyValuePair<string, string>(state.NewId("stage"), "Went with a competitor"));
            var partners = NewPipeline(state, "Partnerships", isDefault: false, "EUR",
                ("Intro", null, false, null), ("Pilot", 40, false, null), ("Signed", 100, true, "won"));

            var people = state.Contacts.Where(c => c.RecordType == "person").ToList();
            for (int i = 0; i < 40; i++)
            {
                var pipeline = i % 4 == 3 ? partners : sales;
                var stage = pipeline.Stages[random.Next(pipeline.Stages.Count)];
                var created = Epoch.AddDays(-200 + i * 4);
                var deal = new NimbleDealRecord
                {
                    Id = state.NewId("deal"),
                    Number = state.NewDealNumber(),
                    PipelineId = pipeline.Id,
                    StageId = stage.Id,
                    Currency = pipeline.DefaultCurrency,
                    OwnerId = state.UserId,
                    Created = created,
                    Updated = created.AddDays(random.Next(0, 30)),
                };
                deal.Fields["name"] = Companies[i % Companies.Length] + " — " + (i % 2 == 0 ? "licences" : "services") + " " + (2025 + i % 2);
                deal.Fields["amount"] = (1000 * (1 + random.Next(50))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (stage.DefaultProbability == null) deal.Fields["probability"] = "20";
                deal.Transitions.Add(new NimbleTransition { FromStageId = null, ToStageId = stage.Id, When = created });
                if (people.Count > 0) deal.RelatedContacts.Add(new KeyValuePair<string, string?>(people[i % people.Count].Id, null));
                if (i % 5 == 0) deal.Tags.Add("priority");
                if (i % 8 == 0)
                {
                    deal.Files.Add(new NimbleDealFileRecord
                    {
                        Id = state.NewId("file"), Name = "Proposal " + (i + 1) + ".pdf", Size = 20480 + i * 512, Source = "uploaded_azure",
                        DataId = "blob-" + (i + 1), UploadedAt = created.AddDays(1),
                    });
                    deal.Files.Add(new NimbleDealFileRecord
                    {
                        Id = state.NewId("file"), Name = "Requirements " + (i + 1), Size = 0, Source = "google_drive",
                        FileUrl = "https://docs.google.com/document/d/sandbox-" + (i + 1), UploadedAt = created.AddDays(2),
                    });
                }
                state.Deals.Add(deal);
            }
        }

        public static NimbleContactRecord NewContact(NimbleState state, string type, DateTimeOffset created)
        {
            var c = new NimbleContactRecord { Id = state.NewId("contact"), RecordType = type, OwnerId = state.UserId, Created = created, Updated = created };
            state.Contacts.Add(c);
            return c;
        }

        private static NimblePipelineRecord NewPipeline(NimbleState state, string name, bool isDefault, string currency,
            params (string Name, int? Probability, bool Final, string? Role)[] stages)
        {
            var p = new NimblePipelineRecord
            {
                Id = state.NewId("pipeline"), Name = name, IsDefault = isDefault, DefaultCurrency = currency,
                Created = Epoch.AddDays(-500), Updated = Epoch.AddDays(-500), Description = name + " (sandbox)",
            };
            foreach (var s in stages)
            {
                p.Stages.Add(new NimbleStageRecord
                {
                    Id = state.NewId("stage"), PipelineId = p.Id, Name = s.Name, DefaultProbability = s.Probability, IsFinal = s.Final,
                    Role = s.Role, ExpectedDays = s.Final ? 0 : 14, Created = p.Created, Updated = p.Created,
                });
            }
            state.Pipelines.Add(p);
            return p;
        }

        private static string Address(string city, int i) =>
            "{\"street\": \"" + (10 + i) + " Main St.\", \"city\": \"" + city + "\", \"zip\": \"" + (54000 + i) + "\", \"country\": \"Farganistan\"}";
    }
}
