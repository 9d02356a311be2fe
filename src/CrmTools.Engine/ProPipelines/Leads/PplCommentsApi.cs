using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>What a new comment carries (lead, prospecting list and prospect comments alike).</summary>
    public sealed class PplNewComment
    {
        public string? Content { get; set; }

        /// <summary>An activity (call, meeting, ...) to tag the comment with.</summary>
        public long? ActivityId { get; set; }

        /// <summary>The author (id or e-mail); the service ignores it with a user token.</summary>
        public string? UserId { get; set; }

        internal PplJsonBody ToBody(PplConnection connection)
        {
            if (string.IsNullOrWhiteSpace(Content)) throw new CrmValidationException("Ppl", "Content", "A comment needs some content.");
            if (UserId != null && connection.HasUserToken)
            {
                Diagnostics.CrmLog.Warning("-UserId is ignored with a user token: the comment is written as the logged-in user.");
            }
            return new PplJsonBody().Add("content", Content).Add("activity_id", ActivityId)
                .AddUser("user_id", connection.HasUserToken ? null : UserId);
        }
    }

    /// <summary>/leads/{lead_id}/comments: list, create, delete.</summary>
    public sealed class PplCommentsApi : PplApiBase
    {
        internal PplCommentsApi(PplConnection connection) : base(connection) { }

        /// <summary>The lead's comments, newest first unless <paramref name="direction"/> is asc.</summary>
        public Task<IReadOnlyList<PplComment>> ListAsync(long leadId, string? direction, CancellationToken cancellationToken)
        {
            var dir = PplRules.CheckSet("Direction", direction, PplRules.Directions);
            return GetListAsync(PathOf("leads", leadId, "comments"), "Lead", PplJsonContext.Default.ListPplComment, cancellationToken,
                q => q.AddQuery("direction", dir));
        }

        public Task<PplComment> AddAsync(long leadId, PplNewComment comment, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("leads", leadId, "comments"), "Lead", comment.ToBody(Connection), PplJsonContext.Default.PplComment, cancellationToken);

        public async Task RemoveAsync(long leadId, long commentId, CancellationToken cancellationToken) =>
            await SendAsync(Delete, PathOf("leads", leadId, "comments", commentId), "Comment", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);
    }
}
