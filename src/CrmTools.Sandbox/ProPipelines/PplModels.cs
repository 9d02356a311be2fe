using System;
using System.Collections.Generic;

namespace CrmTools.Sandbox.ProPipelines
{
    // The in-memory records of the emulated account. Mutable, and only touched under PplState.Sync.

    internal sealed class PplUser
    {
        public int Id;
        public string Email = "";
        public string Password = "";
        public string FirstName = "";
        public string LastName = "";
        public bool IsAdmin;
        public string Phone = "";
        public string MobilePhone = "";
        public string JobTitle = "";
        public string ImType = "";
        public string Im = "";
        public bool HasActivated = true;
        public bool IsDisabled;
        public string Locale = "en";
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplTeam
    {
        public int Id;
        public string Name = "";
        public List<PplTeamMember> Members = new List<PplTeamMember>();
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplTeamMember
    {
        public int UserId;
        public bool IsManager;
    }

    internal sealed class PplPipeline
    {
        public int Id;
        public string Name = "";
        public bool IsDefault;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplStep
    {
        public int Id;
        public string Name = "";
        public int Position;
        public int PipelineId;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplClientFolder
    {
        public int Id;
        public string Name = "";
        public string Description = "";
        public bool IsActive = true;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
        public int? UserId;
    }

    internal sealed class PplCategory
    {
        public int Id;
        public string Name = "";
        public bool IsRequired;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplPredefinedTag
    {
        public int Id;
        public string Name = "";
        public int CategoryId;
        public DateTime? CreatedAt;
    }

    internal sealed class PplField
    {
        public int Id;
        public string Name = "";
        public string Type = "unset";            // unset, email, phone, first_name, ..., custom1
        public string ParentType = "lead";       // lead or client
        public int Position;
        public bool IsKey;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplActivity
    {
        public int Id;
        public string Name = "";
        public string Icon = "";
        public int? ParentId;
        public string? Color;
        public string Kind = "";
        public bool IsDisabled;
    }

    internal sealed class PplLead
    {
        public int Id;
        public string Title = "";
        public int StepId;
        public string Status = "todo";          // always lower case internally
        public double? Amount;
        public int? Probability;
        public string? Currency;
        public bool? Starred;
        public DateTime? RemindDate;             // date only
        public string? RemindTime;               // HH:MM
        public int? ReminderDuration;
        public int? ReminderActivityId;
        public string? ReminderNote;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
        public DateTime? ClosedAt;
        public DateTime? EstimatedClosingDate;
        public string[] Tags = new string[0];
        public string CreatedFrom = "api";
        public int? CreatedById;
        public int? UserId;
        public int? TeamId;
        public int? ClientFolderId;
        public int? BusinessCardId;

        // Generated leads keep only a seed for their contact and build the description text on
        // demand, so 100,000 leads stay small in memory. Set once the text is edited.
        public string? StoredDescription;
        public int ContactSeed;

        public DateTime? ReminderAt => RemindDate == null ? (DateTime?)null
            : RemindDate.Value.Date + (RemindTime != null && TimeSpan.TryParse(RemindTime, out var t) ? t : TimeSpan.Zero);
    }

    internal sealed class PplComment
    {
        public int Id;
        public int LeadId;
        public string Content = "";
        public int? UserId;
        public int? ActivityId;
        public bool IsPinned;
        public DateTime CreatedAt;
    }

    internal sealed class PplAttachment
    {
        public int Id;
        public int LeadId;
        public string Name = "";
        public string? ContentType;
        public byte[] Content = new byte[0];
        public string Kind = "attachment";
        public int? UserId;
        public DateTime CreatedAt;
    }

    internal sealed class PplActionHistory
    {
        public int Id;
        public int LeadId;
        public string ActionType = "";
        public int? UserId;
        public DateTime CreatedAt;
        public Dictionary<string, object?> ActionItem = new Dictionary<string, object?>();
    }

    internal sealed class PplSpreadsheet
    {
        public int Id;
        public string Title = "";
        public string Description = "";
        public int? UserId;
        public string[] Columns = new string[0];
        public List<PplRow> Rows = new List<PplRow>();
        public List<PplComment> Comments = new List<PplComment>();
        public string[] Tags = new string[0];
        public int Privacy = 1;                  // 0 = shared with everyone ("off")
        public bool IsArchived;
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplRow
    {
        public int Id;
        public int SpreadsheetId;
        public string[] Content = new string[0];
        public int? LeadId;
        public bool IsActive = true;
        public bool IsCalled;
        public string? CalledFrom;
        public DateTime? CalledAt;
        public List<PplComment> Comments = new List<PplComment>();
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }

    internal sealed class PplWebhook
    {
        public int Id;
        public string Event = "";
        public string Target = "";
        public string TargetType = "url";
        public string? Name;
        public bool IsDisabled;
        public DateTime CreatedAt;
    }

    internal sealed class PplWebhookEvent
    {
        public int Id;
        public int WebhookId;
        public string Event = "";
        public string Signature = "";
        public bool HasSucceeded;
        public int TryCount;
        public int? LastReturnedCode;
        public string DataJson = "{}";
        public string Target = "";
        public string TargetType = "url";
        public DateTime CreatedAt;
        public DateTime UpdatedAt;
    }
}
