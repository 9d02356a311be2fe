using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmTools.Engine.Userlike
{
    /// <summary>What became of one conversation.</summary>
    public enum UserlikeSendOutcome
    {
        /// <summary>Its records were created in Lime CRM.</summary>
        Created,
        /// <summary>Skipped: Lime CRM already has it (its conversation record exists).</summary>
        AlreadySent,
        /// <summary>It could not be read or sent; see the error.</summary>
        Failed,
        /// <summary>Not sent because of -WhatIf, or the user declined at -Confirm.</summary>
        NotSent,
    }

    /// <summary>One conversation's result: what was found, what was created, or why it failed.</summary>
    public sealed class UserlikeSendResult
    {
        internal UserlikeSendResult(UserlikeSendOutcome outcome, string? source, long? conversationId)
        {
            Outcome = outcome;
            Source = source;
            ConversationId = conversationId;
        }

        public UserlikeSendOutcome Outcome { get; }

        public long? ConversationId { get; }

        /// <summary>The file or pipeline item the conversation came from.</summary>
        public string? Source { get; }

        /// <summary>The Lime CRM person the conversation went to (found or created).</summary>
        public long? PersonId { get; internal set; }

        public bool PersonCreated { get; internal set; }

        /// <summary>How an existing person was found ("email 'anna@example.com'", "earlier conversation ...").</summary>
        public string? PersonMatchedBy { get; internal set; }

        public long? CompanyId { get; internal set; }

        public long? CaseId { get; internal set; }

        public long? HistoryId { get; internal set; }

        /// <summary>The conversation record (created now, or the existing one for AlreadySent).</summary>
        public long? RecordId { get; internal set; }

        /// <summary>What would be created (with -WhatIf) or was planned.</summary>
        public string? Plan { get; internal set; }

        /// <summary>Why it failed.</summary>
        public string? Error { get; internal set; }

        /// <summary>The failure itself (the ErrorRecord written for it has the same).</summary>
        public Exception? Exception { get; internal set; }

        public override string ToString() =>
            $"{ConversationId?.ToString(CultureInfo.InvariantCulture) ?? Source}: {Outcome}" + (Error != null ? " - " + Error : string.Empty);

        /// <summary>Input that was not a readable conversation.</summary>
        public static UserlikeSendResult Unreadable(UserlikeReadResult read)
        {
            if (read == null) throw new ArgumentNullException(nameof(read));
            return new UserlikeSendResult(UserlikeSendOutcome.Failed, read.Source, read.Conversation?.Id)
            {
                Error = read.Error?.Message,
                Exception = read.Error,
            };
        }

        /// <summary>A conversation that failed before anything was planned (the check whether it was sent, a lookup, a value).</summary>
        public static UserlikeSendResult Failed(UserlikeConversation conversation, Exception exception)
        {
            if (conversation == null) throw new ArgumentNullException(nameof(conversation));
            if (exception == null) throw new ArgumentNullException(nameof(exception));
            return new UserlikeSendResult(UserlikeSendOutcome.Failed, conversation.Source, conversation.Id) { Error = exception.Message, Exception = exception };
        }
    }

    /// <summary>The result of sending a batch: counts, the failed items, and every item's result.</summary>
    public sealed class UserlikeSendSummary
    {
        private readonly List<UserlikeSendResult> _results = new List<UserlikeSendResult>();

        public int Total => _results.Count;

        public int Created => Count(UserlikeSendOutcome.Created);

        /// <summary>Skipped because Lime CRM already had them.</summary>
        public int Skipped => Count(UserlikeSendOutcome.AlreadySent);

        public int Failed => Count(UserlikeSendOutcome.Failed);

        /// <summary>Not sent because of -WhatIf or a declined -Confirm.</summary>
        public int NotSent => Count(UserlikeSendOutcome.NotSent);

        /// <summary>Persons created (the others were found).</summary>
        public int PersonsCreated => _results.Count(r => r.PersonCreated);

        public IReadOnlyList<UserlikeSendResult> FailedItems => _results.Where(r => r.Outcome == UserlikeSendOutcome.Failed).ToList();

        public IReadOnlyList<UserlikeSendResult> Results => _results;

        public TimeSpan Duration { get; set; }

        public void Add(UserlikeSendResult result) => _results.Add(result ?? throw new ArgumentNullException(nameof(result)));

        /// <summary>"12 sent: 9 created, 2 skipped as already sent, 1 failed".</summary>
        public override string ToString()
        {
            var text = $"{Total} conversation(s): {Created} created, {Skipped} skipped as already sent, {Failed} failed";
            return NotSent > 0 ? text + $", {NotSent} not sent" : text;
        }

        private int Count(UserlikeSendOutcome outcome) => _results.Count(r => r.Outcome == outcome);
    }
}
