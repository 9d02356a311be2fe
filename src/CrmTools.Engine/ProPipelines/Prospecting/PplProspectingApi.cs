using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>What POST /spreadsheets is given.</summary>
    public sealed class PplNewProspectingList
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string[]? Tags { get; set; }
        /// <summary>Owner (id or e-mail); ignored by the service with a user token.</summary>
        public string? UserId { get; set; }
        /// <summary>Share with everyone in the account (privacy "off").</summary>
        public bool Shared { get; set; }
        public IReadOnlyList<PplProspectRecord> Prospects { get; set; } = new PplProspectRecord[0];
    }

    /// <summary>/spreadsheets (prospecting lists), their prospects (rows) and comments, and /rows/called_from.</summary>
    public sealed class PplProspectingApi : PplApiBase
    {
        internal PplProspectingApi(PplConnection connection) : base(connection) { }

        /// <summary>The lists this connection can see; <paramref name="title"/> is an exact match.</summary>
        public Task<IReadOnlyList<PplProspectingList>> ListAsync(string? title, string? direction, int? limit, CancellationToken cancellationToken)
        {
            var dir = PplRules.CheckSet("Direction", direction, PplRules.Directions);
            if (limit < 1) throw new CrmValidationException("Ppl", "First", "The number of lists must be at least 1.");
            return GetListAsync("spreadsheets", "ProspectingList", PplJsonContext.Default.ListPplProspectingList, cancellationToken,
                q => q.AddQuery("title", title).AddQuery("direction", dir).AddQuery("limit", limit));
        }

        /// <summary>One list with its prospects.</summary>
        public async Task<PplProspectingList> GetAsync(long id, CancellationToken cancellationToken)
        {
            var list = await GetAsync(PathOf("spreadsheets", id), "ProspectingList", PplJsonContext.Default.PplProspectingList, cancellationToken).ConfigureAwait(false);
            foreach (var p in list.Prospects ?? new PplProspect[0]) p.ProspectingListId ??= list.Id;
            return list;
        }

        /// <summary>POST /spreadsheets with the whole content in one call (the limits are checked first).</summary>
        public async Task<PplProspectingList> CreateAsync(PplNewProspectingList list, CancellationToken cancellationToken)
        {
            var content = PplProspectTable.ForNewList(list.Prospects);
            if (list.UserId != null && Connection.HasUserToken)
            {
                CrmLog.Warning("-UserId is ignored with a user token: the list belongs to the logged-in user.");
            }
            var body = new PplJsonBody()
                .Add("title", PplAccountApi.Required("Title", list.Title))
                .AddRows("content", content)
                .Add("description", list.Description)
                .Add("tags", PplRules.SplitList(list.Tags))
                .AddUser("user_id", Connection.HasUserToken ? null : list.UserId)
                .Add("privacy", list.Shared ? "off" : null);
            var created = await SendAsync(Post, "spreadsheets", "ProspectingList", body, PplJsonContext.Default.PplProspectingList, cancellationToken).ConfigureAwait(false);
            foreach (var p in created.Prospects ?? new PplProspect[0]) p.ProspectingListId ??= created.Id;
            return created;
        }

        /// <summary>POST /spreadsheets/{id}/assign: the new owner is notified.</summary>
        public Task<PplProspectingList> AssignAsync(long id, string user, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("spreadsheets", id, "assign"), "ProspectingList",
                new PplJsonBody().AddUser("user_id", PplAccountApi.Required("UserId", user)), PplJsonContext.Default.PplProspectingList, cancellationToken);

        public Task<PplComment> AddListCommentAsync(long id, PplNewComment comment, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("spreadsheets", id, "comments"), "ProspectingList", comment.ToBody(Connection), PplJsonContext.Default.PplComment, cancellationToken);

        public Task<PplComment> AddProspectCommentAsync(long listId, long prospectId, PplNewComment comment, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("spreadsheets", listId, "rows", prospectId, "comments"), "Prospect", comment.ToBody(Connection), PplJsonContext.Default.PplComment, cancellationToken);

        /// <summary>
        /// Reads the list (one GET: its columns and size) and checks every record against it and
        /// the limits, so that nothing is sent unless all of it can be.
        /// </summary>
        public async Task<PplProspectUpload> PrepareUploadAsync(long listId, IReadOnlyList<PplProspectRecord> records, CancellationToken cancellationToken)
        {
            var list = await GetAsync(listId, cancellationToken).ConfigureAwait(false);
            var rows = PplProspectTable.ForExistingList(list.ColumnNames ?? new string[0], list.Prospects?.Length ?? 0, records);
            var chunks = PplProspectTable.Chunks(rows)
                .Select(c => new PplProspectUpload.Chunk(c.Start, records.Skip(c.Start).Take(c.Rows.Count).ToList(), c.Rows))
                .ToList();
            return new PplProspectUpload(listId, chunks, rows.Count);
        }

        /// <summary>POST /spreadsheets/{id}/rows with one chunk (at most 100 prospects).</summary>
        public async Task<IReadOnlyList<PplProspect>> AddChunkAsync(PplProspectUpload upload, PplProspectUpload.Chunk chunk, CancellationToken cancellationToken)
        {
            var added = await SendAsync(Post, PathOf("spreadsheets", upload.ProspectingListId, "rows"), "ProspectingList",
                new PplJsonBody().AddRows("content", chunk.Rows), PplJsonContext.Default.ListPplProspect, cancellationToken).ConfigureAwait(false);
            foreach (var p in added) p.ProspectingListId ??= upload.ProspectingListId;
            return added;
        }

        /// <summary>PUT /spreadsheets/{id}/rows/{row}: replaces the prospect's cells.</summary>
        public async Task<PplProspect> UpdateProspectAsync(long listId, long prospectId, IReadOnlyList<string?> cells, CancellationToken cancellationToken)
        {
            var body = new PplJsonBody().Add("content", PplProspectTable.ForUpdate(cells));
            var row = await SendAsync(Put, PathOf("spreadsheets", listId, "rows", prospectId), "Prospect", body, PplJsonContext.Default.PplProspect, cancellationToken).ConfigureAwait(false);
            row.ProspectingListId ??= listId;
            return row;
        }

        public async Task RemoveProspectAsync(long listId, long prospectId, CancellationToken cancellationToken) =>
            await SendAsync(Delete, PathOf("spreadsheets", listId, "rows", prospectId), "Prospect", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);

        /// <summary>POST .../rows/{id}/create_lead: a lead from the prospect, linked to it.</summary>
        public Task<PplLead> CreateLeadAsync(long listId, long prospectId, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("spreadsheets", listId, "rows", prospectId, "create_lead"), "Prospect", null, PplJsonContext.Default.PplLead, cancellationToken);

        /// <summary>GET /rows/called_from: prospects called from the application with this number.</summary>
        public Task<IReadOnlyList<PplProspect>> CalledFromAsync(string phoneNumber, CancellationToken cancellationToken) =>
            GetListAsync("rows/called_from", "Prospect", PplJsonContext.Default.ListPplProspect, cancellationToken,
                q => q.AddQuery("phone_number", PplAccountApi.Required("CalledFrom", phoneNumber)));
    }
}
