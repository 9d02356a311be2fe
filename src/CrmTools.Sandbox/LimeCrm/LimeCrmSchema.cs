using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>A property of an emulated limetype.</summary>
    internal sealed class LimeProp
    {
        public LimeProp(string name, string localName, string type, int? length = null, bool required = false,
            string? related = null, params (string Key, string Text)[] options)
        {
            Name = name;
            LocalName = localName;
            Type = type;
            Length = length;
            Required = required;
            Related = related;
            var id = 0;
            Options = options.Select(o => new LimeOpt(++id, o.Key, o.Text, false)).ToList();
        }

        public string Name { get; }
        public string LocalName { get; }
        /// <summary>string, text, phone, link, integer, decimal, percent, yesno, time, option, set, belongsto, hasmany.</summary>
        public string Type { get; }
        public int? Length { get; }
        public bool Required { get; }
        /// <summary>The limetype on the other side of a relation.</summary>
        public string? Related { get; }
        public List<LimeOpt> Options { get; }

        public bool IsRelation => Type == "belongsto" || Type == "hasmany";
        public bool IsHasMany => Type == "hasmany";

        public LimeOpt? Option(string key) => Options.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase));

        /// <summary>Retires an option (still readable on old objects, not settable).</summary>
        public LimeProp Retire(string key)
        {
            var i = Options.FindIndex(o => o.Key == key);
            Options[i] = new LimeOpt(Options[i].Id, Options[i].Key, Options[i].Text, true);
            return this;
        }
    }

    internal sealed class LimeOpt
    {
        public LimeOpt(int id, string key, string text, bool inactive)
        {
            Id = id;
            Key = key;
            Text = text;
            Inactive = inactive;
        }

        public int Id { get; }
        public string Key { get; }
        public string Text { get; }
        public bool Inactive { get; }
    }

    /// <summary>An emulated limetype: name, display names and properties (in the order objects show them).</summary>
    internal sealed class LimeTypeDef
    {
        public LimeTypeDef(string name, string singular, string plural, Func<LimeRecord, string> descriptive, params LimeProp[] properties)
        {
            Name = name;
            Singular = singular;
            Plural = plural;
            Descriptive = descriptive;
            Properties = properties.ToList();
        }

        public string Name { get; }
        public string Singular { get; }
        public string Plural { get; }
        public Func<LimeRecord, string> Descriptive { get; }
        public List<LimeProp> Properties { get; }

        public LimeProp? Property(string name) => Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The emulated application's database: the limetypes a Lime CRM with the Userlike add-on has
    /// (company, person, deal, history, helpdesk, ulconversation), with text, number, yes/no, time, option,
    /// set and relation properties, required ones, lengths and one retired option.
    /// </summary>
    internal static class LimeCrmSchema
    {
        public static List<LimeTypeDef> Create() => new List<LimeTypeDef>
        {
            new LimeTypeDef("company", "Company", "Companies", r => r.Text("name"),
                new LimeProp("name", "Name", "string", 128, required: true),
                new LimeProp("phone", "Phone", "phone", 32),
                new LimeProp("www", "Website", "link", 256),
                new LimeProp("visitingcity", "Visiting city", "string", 64),
                new LimeProp("country", "Country", "string", 64),
                new LimeProp("registrationno", "Registration number", "string", 32),
                new LimeProp("buyingstatus", "Buying status", "option", options: new[] { ("active", "Active customer"), ("prospect", "Prospect"), ("excustomer", "Former customer"), ("notinterested", "Not interested"), ("lead", "Lead") })
                    .Retire("lead"),
                new LimeProp("categories", "Categories", "set", options: new[] { ("customer", "Customer"), ("partner", "Partner"), ("supplier", "Supplier"), ("reseller", "Reseller") }),
                new LimeProp("person", "Persons", "hasmany", related: "person"),
                new LimeProp("deal", "Deals", "hasmany", related: "deal"),
                new LimeProp("history", "History", "hasmany", related: "history")),
            new LimeTypeDef("person", "Person", "Persons", r => (r.Text("firstname") + " " + r.Text("lastname")).Trim(),
                new LimeProp("firstname", "First name", "string", 64),
                new LimeProp("lastname", "Last name", "string", 64, required: true),
                new LimeProp("email", "E-mail", "string", 128),
                new LimeProp("phone", "Phone", "phone", 32),
                new LimeProp("mobilephone", "Mobile phone", "phone", 32),
                new LimeProp("position", "Position", "string", 64),
                new LimeProp("inactive", "Inactive", "yesno"),
                new LimeProp("company", "Company", "belongsto", related: "company"),
                new LimeProp("history", "History", "hasmany", related: "history"),
                new LimeProp("ulconversation", "Chat conversations", "hasmany", related: "ulconversation")),
            new LimeTypeDef("deal", "Deal", "Deals", r => r.Text("name"),
                new LimeProp("name", "Name", "string", 128, required: true),
                new LimeProp("value", "Value", "decimal"),
                new LimeProp("probability", "Probability", "percent"),
                new LimeProp("dealstatus", "Status", "option", options: new[] { ("contact", "Contact"), ("requirement", "Requirement"), ("tender", "Tender"), ("agreement", "Agreement"), ("rejection", "Rejected") }),
                new LimeProp("closeddate", "Closed", "time"),
                new LimeProp("company", "Company", "belongsto", related: "company"),
                new LimeProp("person", "Contact person", "belongsto", related: "person")),
            new LimeTypeDef("history", "History", "History", r => (r.OptionText("type") + " " + r.DateText("date")).Trim(),
                new LimeProp("type", "Type", "option", required: true, options: new[] { ("comment", "Comment"), ("chat", "Chat"), ("customercall", "Customer call"), ("salescall", "Sales call"), ("talkedto", "Talked to"), ("triedtoreach", "Tried to reach"), ("receivedemail", "Received e-mail"), ("sentemail", "Sent e-mail"), ("customervisit", "Customer visit") }),
                new LimeProp("date", "Date", "time", required: true),
                new LimeProp("note", "Note", "text"),
                new LimeProp("person", "Person", "belongsto", related: "person"),
                new LimeProp("company", "Company", "belongsto", related: "company"),
                new LimeProp("deal", "Deal", "belongsto", related: "deal"),
                new LimeProp("helpdesk", "Helpdesk", "belongsto", related: "helpdesk")),
            new LimeTypeDef("helpdesk", "Helpdesk", "Helpdesk", r => r.Text("title"),
                new LimeProp("title", "Title", "string", 256, required: true),
                new LimeProp("description", "Description", "text"),
                new LimeProp("status", "Status", "option", options: new[] { ("new", "New"), ("open", "Open"), ("closed", "Closed") }),
                new LimeProp("person", "Person", "belongsto", related: "person"),
                new LimeProp("company", "Company", "belongsto", related: "company"),
                new LimeProp("history", "History", "hasmany", related: "history")),
            new LimeTypeDef("ulconversation", "Userlike conversation", "Userlike conversations", r => "Conversation " + r.Text("conversationid"),
                new LimeProp("conversationid", "Conversation id", "integer", required: true),
                new LimeProp("contactid", "Contact id", "integer"),
                new LimeProp("starttime", "Started", "time"),
                new LimeProp("channel", "Channel", "string", 32),
                new LimeProp("status", "Status", "string", 32),
                new LimeProp("operator", "Operator", "string", 128),
                new LimeProp("url", "Link", "link", 512),
                new LimeProp("person", "Person", "belongsto", related: "person"),
                new LimeProp("history", "History", "belongsto", related: "history"),
                new LimeProp("helpdesk", "Helpdesk", "belongsto", related: "helpdesk")),
        };
    }
}
