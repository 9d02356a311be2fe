using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleContact: deletes contacts by id, or every contact a search finds.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContact", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(NimbleRemovedContacts), ParameterSetName = new[] { ByQuerySet })]
    public sealed class RemoveNimbleContactCommand : NimbleCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByQuerySet = "ByQuery";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = ByQuerySet)]
        [ValidateNotNullOrEmpty]
        public string? Keyword { get; set; }

        [Parameter(ParameterSetName = ByQuerySet)]
        [ValidateNotNull]
        public object? Query { get; set; }

        [Parameter(ParameterSetName = ByQuerySet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = ByQuerySet)]
        [ValidateSet("person", "company", "all")]
        public string? RecordType { get; set; }

        /// <summary>Delete without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    ChangeOne(id, id, "Delete Nimble contact", Force, ct => connection.Contacts.DeleteAsync(id, ct));
                }
                return;
            }
            var query = new NimbleContactQuery { Keyword = Keyword, Query = Plain(Query), Tags = List(Tag), RecordType = RecordType };
            // Say how many contacts the search finds before asking (one small request).
            long? total = null;
            if (!TryInvoke(query, () =>
                {
                    query.ValidateForDelete();
                    using var ids = connection.Contacts.ListIds(query, new PageRequest { First = 1, PageSize = 1 }, CancellationToken);
                    Run(async ct => await ids.MoveNextAsync().ConfigureAwait(false));
                    total = ids.TotalCount;
                }))
            {
                return;
            }
            var what = (total.HasValue ? total.Value + " contact(s)" : "every contact") + " matching " + Describe();
            if (!ShouldProcessOrForce(Force, what, "Delete Nimble contacts")) return;
            if (TryRun(query, ct => connection.Contacts.DeleteByQueryAsync(query, ct), out var removed)) WriteObject(removed);
        }

        private string Describe()
        {
            if (Keyword != null) return $"keyword '{Keyword}'" + (RecordType != null ? $" ({RecordType})" : string.Empty);
            var parts = new System.Collections.Generic.List<string>();
            if (Query != null) parts.Add("the query");
            if (Tag != null) parts.Add("tag " + string.Join(" or ", Tag));
            if (RecordType != null) parts.Add("record type " + RecordType);
            return string.Join(", ", parts);
        }
    }
}
