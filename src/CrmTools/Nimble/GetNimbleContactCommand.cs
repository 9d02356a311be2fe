using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContact: contacts by id (batched 30 a request) or the search, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContact", DefaultParameterSetName = SearchSet, SupportsPaging = true)]
    [OutputType(typeof(NimbleContact))]
    [OutputType(typeof(string), ParameterSetName = new[] { SearchSet })]
    public sealed class GetNimbleContactCommand : NimbleCmdlet
    {
        private const string SearchSet = "Search";
        private const string ByIdSet = "ById";

        private readonly List<string> _pending = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Simple search over every indexed field.</summary>
        [Parameter(Position = 0, ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Keyword { get; set; }

        /// <summary>The advanced search query: a hashtable (or JSON text), sent as JSON.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNull]
        public object? Query { get; set; }

        /// <summary>Contacts carrying any of these tags.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateSet("person", "company", "all")]
        public string? RecordType { get; set; }

        /// <summary>Only these fields in the answer.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? FieldName { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? SortBy { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary>Only the ids (GET /contacts/ids: faster).</summary>
        [Parameter(ParameterSetName = SearchSet)]
        public SwitchParameter IdOnly { get; set; }

        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, NimbleContactsApi.MaxPageSize)]
        public int PageSize { get; set; } = NimbleContactsApi.MaxPageSize;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (string.IsNullOrWhiteSpace(id)) continue;
                    _pending.Add(id.Trim());
                    if (_pending.Count == NimbleContactsApi.MaxIdsPerRequest) Flush();
                }
                return;
            }
            var query = new NimbleContactQuery
            {
                Keyword = Keyword,
                Query = Plain(Query),
                Tags = List(Tag),
                RecordType = RecordType,
                Fields = List(FieldName),
                SortBy = SortBy,
                Descending = Descending,
            };
            var paging = Paging(PageSize);
            if (IdOnly) WriteStream(() => connection.Contacts.ListIds(query, paging, CancellationToken), null, PagingParameters.IncludeTotalCount);
            else WriteStream(() => connection.Contacts.List(query, paging, CancellationToken), null, PagingParameters.IncludeTotalCount);
        }

        protected override void EndProcessing()
        {
            Flush();
            base.EndProcessing();
        }

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            if (!TryRun(batch, ct => ActiveConnection.Contacts.GetBatchAsync(batch, List(FieldName), ct), out var result)) return;
            foreach (var contact in result.Found) WriteObject(contact);
            foreach (var missing in result.Missing)
            {
                WriteFailure(new CrmException("Nimble", CrmErrorKind.NotFound, $"The contact '{missing}' was not found.") { Resource = "Contact" }, missing);
            }
        }
    }
}
