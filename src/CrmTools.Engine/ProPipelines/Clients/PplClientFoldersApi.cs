using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>/clients: client folders, full CRUD.</summary>
    public sealed class PplClientFoldersApi : PplApiBase
    {
        public static readonly IReadOnlyList<string> Orders = new[] { "name", "id" };

        internal PplClientFoldersApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplClientFolder>> ListAsync(string? order, string? direction, CancellationToken cancellationToken)
        {
            var by = PplRules.CheckSet("OrderBy", order, Orders);
            var dir = PplRules.CheckSet("Direction", direction, PplRules.Directions);
            return GetListAsync("clients", "ClientFolder", PplJsonContext.Default.ListPplClientFolder, cancellationToken,
                q => q.AddQuery("order", by).AddQuery("direction", dir));
        }

        public Task<PplClientFolder> GetAsync(long id, CancellationToken cancellationToken) =>
            GetAsync(PathOf("clients", id), "ClientFolder", PplJsonContext.Default.PplClientFolder, cancellationToken);

        /// <summary>POST /clients; <paramref name="userId"/> (owner) only with the API key.</summary>
        public Task<PplClientFolder> CreateAsync(string name, string? description, string? userId, CancellationToken cancellationToken)
        {
            if (userId != null) PplRules.CheckUserIdAllowed(Connection, "UserId");
            var body = new PplJsonBody().Add("name", PplAccountApi.Required("Name", name)).Add("description", description).AddUser("user_id", userId);
            return SendAsync(Post, "clients", "ClientFolder", body, PplJsonContext.Default.PplClientFolder, cancellationToken);
        }

        /// <summary>PUT /clients/{id}: only the values given change.</summary>
        public Task<PplClientFolder> UpdateAsync(long id, string? name, string? description, bool? isActive, CancellationToken cancellationToken)
        {
            if (name == null && description == null && !isActive.HasValue)
            {
                throw new CrmValidationException("Ppl", "Id", "Nothing to change: give -Name, -Description or -IsActive.");
            }
            var body = new PplJsonBody().Add("name", name == null ? null : PplAccountApi.Required("Name", name)).Add("description", description).Add("is_active", isActive);
            return SendAsync(Put, PathOf("clients", id), "ClientFolder", body, PplJsonContext.Default.PplClientFolder, cancellationToken);
        }

        public async Task RemoveAsync(long id, CancellationToken cancellationToken) =>
            await SendAsync(Delete, PathOf("clients", id), "ClientFolder", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);
    }
}
