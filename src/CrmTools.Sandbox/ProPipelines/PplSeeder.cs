using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Deterministic account data. Every generated lead depends only on (seed, index), so the
    /// first 300 leads are the same whether 300 or 100,000 are generated.
    /// </summary>
    internal static class PplSeeder
    {
        public const int FirstLeadId = 1001;
        public const int FirstCommentId = 13800;

        private static readonly string[] FirstNames =
        {
            "Natalia", "John", "Amélie", "Søren", "Zoë", "José", "Björn", "Chloé", "Léa", "Mateo",
            "Aiko", "Priya", "Olivia", "Noah", "Émile", "Łukasz", "Hannah", "Omar", "François", "Inès",
        };

        private static readonly string[] LastNames =
        {
            "Bawer", "Doe", "Müller", "García", "Núñez", "Ångström", "Dubois", "O'Brien", "Nakamura", "Kowalski",
            "Smith", "Johansson", "Rossi", "Lefèvre", "Patel", "Schmidt", "Martin", "Novák", "Brontë", "Ødegaard",
        };

        private static readonly string[] Companies =
        {
            "Loretta", "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
            "Wonka", "Soylent", "Tyrell", "Cyberdyne", "Vandelay", "Nordwind", "Café Léon", "Bäckerei Groß",
            "Zürich Data", "København Design", "Sakura Trading", "Orbit Labs", "Blue Horizon", "Pied Piper",
            "Massive Dynamic", "Gringotts", "Oceanic", "Dunder Mifflin", "Prestige Worldwide", "Aperture",
        };

        private static readonly string[] Suffixes = { "Inc.", "Corp", "GmbH", "SARL", "AB", "Ltd", "& Co", "S.A." };

        private static readonly string[] Jobs = { "Sales", "Marketing", "Purchasing", "IT", "Finance", "CEO", "Operations" };

        private static readonly string[] Streets = { "President Bld", "Main Street", "Rue de la Paix", "Königsallee", "Drottninggatan", "Gran Vía", "Elm Avenue" };

        private static readonly string[] Cities = { "Salt Lake City, UT 84105", "Paris 75002", "Düsseldorf 40212", "Stockholm 111 21", "Madrid 28013", "Springfield, IL 62701" };

        private static readonly string[] Notes =
        {
            "Met at a seminar. Could be interested.",
            "Wants a quote before the end of the quarter.",
            "Called twice, no answer yet.",
            "Referred by an existing customer: a warm lead.",
            "Interested in the premium plan; budget to confirm.",
            "Asked for a demo next week.",
            "Travelling this month, call back when back.",
        };

        private static readonly string[] TagPool = { "small", "US", "prospect", "google", "VIP", "partner", "EU", "renewal", "Europe", "Asia", "Phone", "Tablet", "Computer" };

        private static readonly string[] Sources = { "api", "api", "web", "email", "business_card", "import" };

        // ---- contacts (descriptions) ----

        private struct Contact
        {
            public string Company, First, Last, Email, Phone, Job, Web, Address, Note;
            public bool HasMobile, HasAddress, HasWeb, HasJob;
            public string Mobile;
        }

        private static Contact MakeContact(int contactSeed)
        {
            var r = new PplRandom(contactSeed);
            var c = new Contact
            {
                Company = Companies[r.Next(Companies.Length)] + " " + Suffixes[r.Next(Suffixes.Length)],
                First = r.Pick(FirstNames),
                Last = r.Pick(LastNames),
                Phone = Digits(ref r),
                Mobile = Digits(ref r),
                Job = r.Pick(Jobs),
                Note = r.Pick(Notes),
                HasMobile = r.Chance(50),
                HasAddress = r.Chance(40),
                HasWeb = r.Chance(50),
                HasJob = r.Chance(60),
            };
            string domain = PplDescription.Slug(c.Company.Replace("&", ""), '-') + ".example.com";
            c.Email = PplDescription.Slug(c.First, '.') + "." + PplDescription.Slug(c.Last, '.') + "@" + domain;
            c.Web = "http://www." + domain;
            c.Address = (r.Next(1, 9999)).ToString(CultureInfo.InvariantCulture) + " " + r.Pick(Streets) + " - " + r.Pick(Cities);
            return c;
        }

        private static string Digits(ref PplRandom r) =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", r.Next(200, 999), r.Next(100, 999), r.Next(1000, 9999));

        public static string TitleOf(int contactSeed) => MakeContact(contactSeed).Company;

        /// <summary>The description text of a generated lead, in the documented "Name: value" format.</summary>
        public static string Describe(int contactSeed)
        {
            var c = MakeContact(contactSeed);
            var sb = new StringBuilder(256);
            sb.Append("Firstname: ").Append(c.First).Append('\n');
            sb.Append("Lastname: ").Append(c.Last).Append('\n');
            sb.Append("Email: ").Append(c.Email).Append('\n');
            sb.Append("Phone: ").Append(c.Phone).Append('\n');
            if (c.HasMobile) sb.Append("Mobile: ").Append(c.Mobile).Append('\n');
            if (c.HasAddress) sb.Append("Address: ").Append(c.Address).Append('\n');
            if (c.HasWeb) sb.Append("Web: ").Append(c.Web).Append('\n');
            if (c.HasJob) sb.Append("Department: ").Append(c.Job).Append('\n');
            sb.Append("---\n").Append(c.Note);
            return sb.ToString();
        }

        // ---- leads ----

        public static List<PplLead> GenerateLeads(PplState s, int count)
        {
            var leads = new List<PplLead>(count);
            var assignable = s.Users.FindAll(u => u.HasActivated);
            var activeClients = s.Clients.FindAll(c => c.IsActive);
            var titles = new Dictionary<string, string>(StringComparer.Ordinal); // a few hundred distinct titles: share them
            for (int i = 0; i < count; i++)
            {
                var lead = GenerateLead(s, i, assignable, activeClients);
                if (titles.TryGetValue(lead.Title, out var shared)) lead.Title = shared;
                else titles[lead.Title] = lead.Title;
                leads.Add(lead);
            }
            return leads;
        }

        private static PplLead GenerateLead(PplState s, int index, List<PplUser> users, List<PplClientFolder> clients)
        {
            var r = PplRandom.For(s.Seed, 1, index);
            int contactSeed = (int)(r.NextULong() & 0x7FFFFFFF);
            var lead = new PplLead
            {
                Id = FirstLeadId + index,
                ContactSeed = contactSeed,
                Title = TitleOf(contactSeed),
            };

            int roll = r.Next(100);
            lead.Status = roll < 45 ? "todo" : roll < 65 ? "standby" : roll < 80 ? "won" : roll < 92 ? "lost" : "cancelled";

            // 70% in the default pipeline; the rest in the second one.
            var pipeline = r.Chance(70) ? s.Pipelines[0] : s.Pipelines[s.Pipelines.Count > 1 ? 1 : 0];
            var steps = s.Steps.FindAll(st => st.PipelineId == pipeline.Id);
            lead.StepId = steps[r.Next(steps.Count)].Id;

            if (!r.Chance(12))
            {
                var user = users[r.Next(users.Count)];
                lead.UserId = user.Id;
                lead.TeamId = s.TeamOfUser(user.Id)?.Id;
            }
            lead.CreatedById = r.Chance(30) ? (int?)null : lead.UserId ?? s.Users[0].Id;
            lead.CreatedFrom = r.Pick(Sources);

            if (r.Chance(80))
            {
                lead.Amount = r.Next(5, 5000) * 10 + (r.Chance(30) ? r.Next(100) / 100.0 : 0);
                lead.Probability = r.Chance(85) ? r.Next(1, 11) * 10 : (int?)null;
                lead.Currency = r.Chance(75) ? "USD" : "EUR";
            }
            lead.Starred = r.Chance(10) ? true : r.Chance(50) ? false : (bool?)null;

            // Spread over two years before the anchor; updates come after creation.
            lead.CreatedAt = PplState.Anchor.AddMinutes(-r.Next(1, 730 * 24 * 60));
            var span = (PplState.Anchor - lead.CreatedAt).TotalMinutes;
            lead.UpdatedAt = r.Chance(25) ? lead.CreatedAt : lead.CreatedAt.AddMinutes(r.Next((int)Math.Max(1, span)));

            if (lead.Status == "standby" || (lead.Status == "todo" && r.Chance(30)))
            {
                lead.RemindDate = PplState.Anchor.Date.AddDays(r.Next(-15, 90));
                lead.RemindTime = r.Chance(80) ? string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", r.Next(8, 18), r.Next(4) * 15) : null;
                lead.ReminderDuration = r.Pick(new[] { 15, 30, 30, 60 });
            }
            if (lead.Status == "won" || lead.Status == "lost" || lead.Status == "cancelled")
                lead.ClosedAt = lead.UpdatedAt;
            if (r.Chance(25)) lead.EstimatedClosingDate = PplState.Anchor.Date.AddDays(r.Next(-30, 120));

            int tagCount = r.Next(100) switch { < 35 => 0, < 70 => 1, < 90 => 2, _ => 3 };
            if (tagCount > 0)
            {
                var tags = new List<string>(tagCount);
                while (tags.Count < tagCount)
                {
                    var t = r.Pick(TagPool);
                    if (!tags.Contains(t)) tags.Add(t);
                }
                tags.Sort(StringComparer.OrdinalIgnoreCase);
                lead.Tags = tags.ToArray();
            }
            if (clients.Count > 0 && r.Chance(40)) lead.ClientFolderId = clients[r.Next(clients.Count)].Id;
            if (lead.CreatedFrom == "business_card") lead.BusinessCardId = 400 + index;
            return lead;
        }

        private static readonly string[] CommentTexts =
        {
            "Called, left a voicemail.",
            "Sent the brochure and the price list.",
            "Meeting booked for next Tuesday.",
            "Très intéressé par l'offre — à relancer.",
            "Asked to talk to their CFO first.",
            "Spoke with the assistant; decision maker is {0}.",
        };

        /// <summary>Comments on some of the first 300 generated leads (more leads get none, to stay lean).</summary>
        public static void SeedLeadItems(PplState s)
        {
            int n = Math.Min(300, s.Leads.Count);
            for (int i = 0; i < n; i++)
            {
                var lead = s.Leads[i];
                var r = PplRandom.For(s.Seed, 2, i);
                if (!r.Chance(35)) continue;
                var list = new List<PplComment>();
                int count = r.Next(1, 4);
                for (int k = 0; k < count; k++)
                {
                    var span = Math.Max(1, (int)(lead.UpdatedAt - lead.CreatedAt).TotalMinutes);
                    list.Add(new PplComment
                    {
                        Id = s.NextId("comment", FirstCommentId),
                        LeadId = lead.Id,
                        Content = string.Format(CultureInfo.InvariantCulture, r.Pick(CommentTexts), "ceo." + lead.Id + "@example.org"),
                        UserId = lead.UserId ?? s.Users[0].Id,
                        ActivityId = r.Chance(40) ? s.Activities[r.Next(s.Activities.Count)].Id : (int?)null,
                        IsPinned = r.Chance(10),
                        CreatedAt = lead.CreatedAt.AddMinutes(r.Next(span)),
                    });
                }
                list.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
                s.CommentsByLead[lead.Id] = list;
            }
        }

        // ---- the account ----

        public static void SeedAccount(PplState s)
        {
            var t0 = new DateTime(2024, 9, 2, 9, 0, 0, DateTimeKind.Utc);
            AddUser(s, 514, "Stéphanie", "Stone", "stef@example.com", true, "2223334444", "", "Sales director", t0);
            AddUser(s, 436, "Juliette", "Rose", "juliette@example.com", false, "", "3334445555", "Account executive", t0.AddDays(3));
            AddUser(s, 518, "John", "Doe", "john@propipelines.com", false, "+1 801 555 0142", "", "Sales", t0.AddDays(5));
            AddUser(s, 520, "Zoë", "Ångström", "zoe.angstrom@example.com", false, "+46 8 123 456 78", "+46 70 123 45 67", "Sales manager", t0.AddDays(12));
            AddUser(s, 521, "José", "Núñez", "jose.nunez@example.com", false, "+34 91 123 45 67", "", "Business developer", t0.AddDays(20));
            AddUser(s, 522, "Chloé", "Dubois", "chloe.dubois@example.com", false, "+33 1 12 23 34 45", "+33 6 56 67 78 89", "Inside sales", t0.AddDays(41));
            var disabled = AddUser(s, 523, "Björn", "Ødegaard", "bjorn.odegaard@example.com", false, "", "", "Former sales", t0.AddDays(60));
            disabled.IsDisabled = true;
            var pending = AddUser(s, 524, "Priya", "Patel", "priya.patel@example.com", false, "", "", "Intern", t0.AddDays(300));
            pending.HasActivated = false;
            s.BumpIdsPast("user", 600);

            AddTeam(s, 5, "Web Sales", t0, (514, true), (518, false), (436, false));
            AddTeam(s, 2, "Sales", t0.AddDays(10), (520, true), (521, false), (522, false));
            AddTeam(s, 7, "Nordics", t0.AddDays(50), (523, true));
            s.BumpIdsPast("team", 20);

            s.Pipelines.Add(new PplPipeline { Id = 25, Name = "Sales funnel", IsDefault = true, CreatedAt = t0, UpdatedAt = t0 });
            s.Pipelines.Add(new PplPipeline { Id = 26, Name = "Accounting funnel", IsDefault = false, CreatedAt = t0.AddDays(4), UpdatedAt = t0.AddDays(4) });
            AddStep(s, 1189, "Incoming", 1, 25, t0);
            AddStep(s, 1190, "In-touch", 2, 25, t0);
            AddStep(s, 1191, "Closing", 3, 25, t0);
            AddStep(s, 1192, "Quote sent", 1, 26, t0.AddDays(4));
            AddStep(s, 1193, "Invoiced", 2, 26, t0.AddDays(4));
            AddStep(s, 1194, "Paid", 3, 26, t0.AddDays(4));

            AddClient(s, 12, "Acme", "Billing address: 123 heaven avenue, San Francisco CA 94103\nShipping address: 456 pretty boulevard, Paradise CA 94188", true, 514, t0.AddDays(1));
            AddClient(s, 2, "Corporate", "", false, 514, t0.AddDays(2));
            AddClient(s, 13, "Blue Corp", "Address: 2344 Paradise Av, Eden CA 90001", true, 436, t0.AddDays(30));
            AddClient(s, 14, "Globex Sàrl", "Address: 8 Rue du Rhône, 1204 Genève", true, 520, t0.AddDays(45));
            AddClient(s, 15, "Müller & Söhne GmbH", "Address: Königsallee 1, 40212 Düsseldorf", true, 521, t0.AddDays(70));
            AddClient(s, 16, "Nakamura Trading", "", true, 522, t0.AddDays(90));
            s.BumpIdsPast("client", 20);

            AddCategory(s, 12, "Origin", t0, (54, "US"), (58, "Europe"), (59, "Asia"));
            AddCategory(s, 13, "Product", t0, (60, "Phone"), (61, "Tablet"), (62, "Computer"));
            s.BumpIdsPast("category", 13);
            s.BumpIdsPast("tag", 62);

            AddField(s, 1, "Firstname", "first_name", "lead", 1, t0);
            AddField(s, 2, "Lastname", "last_name", "lead", 2, t0);
            AddField(s, 3, "Email", "email", "lead", 3, t0).IsKey = true;
            AddField(s, 4, "Phone", "phone", "lead", 4, t0);
            AddField(s, 5, "Mobile", "mobile", "lead", 5, t0);
            AddField(s, 6, "Address", "address", "lead", 6, t0);
            AddField(s, 7, "Web", "web", "lead", 7, t0);
            AddField(s, 8, "Department", "job", "lead", 8, t0);
            AddField(s, 1189, "Address", "address", "client", 1, t0);
            AddField(s, 1190, "Billing address", "unset", "client", 2, t0);
            s.BumpIdsPast("field", 1200);

            AddActivity(s, 271, "Call", "phone", null, null, "call");
            AddActivity(s, 272, "Answered", "phone", 271, "green", "call");
            AddActivity(s, 273, "Unanswered", "phone", 271, "red", "call");
            AddActivity(s, 274, "E-mail", "envelope", null, null, "email");
            AddActivity(s, 275, "Meeting", "handshake-o", null, null, "meeting");

            SeedSpreadsheets(s, t0.AddDays(200));
        }

        /// <summary>Two prospecting lists; a few prospects were called from the sandbox phone number.</summary>
        public const string CalledFromPhone = "+1 801 555 0100";

        private static void SeedSpreadsheets(PplState s, DateTime t0)
        {
            var columns = new[] { "Lead's name", "Firstname", "Lastname", "Email", "Phone" };
            var lists = new[]
            {
                (17197, "Square prospects", "This prospect is for the Square area", 518, false, new[] { "green", "square" }),
                (17198, "Circle prospects", "This prospect is for the Circle area", 514, true, new[] { "circle" }),
            };
            int n = 0;
            foreach (var (id, title, description, user, archived, tags) in lists)
            {
                var sheet = new PplSpreadsheet
                {
                    Id = id, Title = title, Description = description, UserId = user, Columns = columns, Tags = tags,
                    IsArchived = archived, CreatedAt = t0.AddDays(n), UpdatedAt = t0.AddDays(n + 2),
                };
                for (int i = 0; i < 8; i++, n++)
                {
                    var seed = (int)(PplRandom.For(s.Seed, 3, n).NextULong() & 0x7FFFFFFF);
                    var c = MakeContact(seed);
                    var row = new PplRow
                    {
                        Id = s.NextId("row", 100), SpreadsheetId = id, CreatedAt = sheet.CreatedAt, UpdatedAt = sheet.UpdatedAt,
                        Content = new[] { c.Company, c.First, c.Last, c.Email, c.Phone },
                    };
                    if (i % 3 == 0)
                    {
                        row.IsCalled = true;
                        row.CalledFrom = CalledFromPhone;
                        row.CalledAt = sheet.UpdatedAt;
                    }
                    sheet.Rows.Add(row);
                }
                s.Spreadsheets.Add(sheet);
            }
            s.BumpIdsPast("spreadsheet", 17198);
        }

        private static PplUser AddUser(PplState s, int id, string first, string last, string email, bool admin,
            string phone, string mobile, string job, DateTime created)
        {
            var u = new PplUser
            {
                Id = id, FirstName = first, LastName = last, Email = email, IsAdmin = admin,
                Password = "Sandbox-" + id + "!", Phone = phone, MobilePhone = mobile, JobTitle = job,
                CreatedAt = created, UpdatedAt = created.AddDays(1),
            };
            s.Users.Add(u);
            return u;
        }

        private static void AddTeam(PplState s, int id, string name, DateTime created, params (int user, bool manager)[] members)
        {
            var t = new PplTeam { Id = id, Name = name, CreatedAt = created, UpdatedAt = created.AddDays(8) };
            foreach (var m in members) t.Members.Add(new PplTeamMember { UserId = m.user, IsManager = m.manager });
            s.Teams.Add(t);
        }

        private static void AddStep(PplState s, int id, string name, int position, int pipeline, DateTime created) =>
            s.Steps.Add(new PplStep { Id = id, Name = name, Position = position, PipelineId = pipeline, CreatedAt = created, UpdatedAt = created });

        private static void AddClient(PplState s, int id, string name, string description, bool active, int user, DateTime created) =>
            s.Clients.Add(new PplClientFolder { Id = id, Name = name, Description = description, IsActive = active, UserId = user, CreatedAt = created, UpdatedAt = created });

        private static void AddCategory(PplState s, int id, string name, DateTime created, params (int id, string name)[] tags)
        {
            s.Categories.Add(new PplCategory { Id = id, Name = name, CreatedAt = created, UpdatedAt = created });
            bool first = true;
            foreach (var t in tags)
            {
                s.PredefinedTags.Add(new PplPredefinedTag { Id = t.id, Name = t.name, CategoryId = id, CreatedAt = first ? created.AddMinutes(1) : (DateTime?)null });
                first = false;
            }
        }

        private static PplField AddField(PplState s, int id, string name, string type, string parent, int position, DateTime created)
        {
            var f = new PplField { Id = id, Name = name, Type = type, ParentType = parent, Position = position, CreatedAt = created, UpdatedAt = created };
            s.Fields.Add(f);
            return f;
        }

        private static void AddActivity(PplState s, int id, string name, string icon, int? parent, string? color, string kind) =>
            s.Activities.Add(new PplActivity { Id = id, Name = name, Icon = icon, ParentId = parent, Color = color, Kind = kind });
    }
}
