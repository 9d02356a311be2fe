using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>What POST /leads is given. <see cref="Fields"/> become the description's "Name: value" lines.</summary>
    public sealed class PplNewLead
    {
        public string? Title { get; set; }

        /// <summary>Free text; with <see cref="Fields"/> it follows them after a "---" line.</summary>
        public string? Description { get; set; }

        /// <summary>Description fields, in order (Firstname, Email, Phone, or any field of the account).</summary>
        public IList<KeyValuePair<string, string?>>? Fields { get; set; }

        /// <summary>Owner (id or e-mail): direct assignment, without notification. API key only.</summary>
        public string? UserId { get; set; }

        /// <summary>Tags; an entry holding commas is split ("vip,US" from a CSV column).</summary>
        public string[]? Tags { get; set; }

        /// <summary>Back-dates the lead's creation.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>The description as it will be sent.</summary>
        public string ComposedDescription => PplLeadDescription.Compose(Fields, Description);

        /// <summary>Checks what can be checked before sending.</summary>
        public void Validate(PplConnection connection)
        {
            if (string.IsNullOrWhiteSpace(Title)) throw new CrmValidationException("Ppl", "Title", "A lead needs a title.");
            if (UserId != null) PplRules.CheckUserIdAllowed(connection, "UserId");
            _ = ComposedDescription; // field names are checked while composing
        }

        internal PplJsonBody ToBody() => new PplJsonBody()
            .Add("title", Title!.Trim())
            .Add("description", ComposedDescription)
            .AddUser("user_id", UserId)
            .Add("tags", PplRules.SplitList(Tags))
            .Add("created_at", PplRules.FormatUtc(CreatedAt));
    }
}
