using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>/teams: CRUD and membership.</summary>
    public sealed class PplTeamsApi : PplApiBase
    {
        internal PplTeamsApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplTeam>> ListAsync(CancellationToken cancellationToken) =>
            GetListAsync("teams", "Team", PplJsonContext.Default.ListPplTeam, cancellationToken);

        /// <summary>One team by id or name.</summary>
        public Task<PplTeam> GetAsync(string idOrName, CancellationToken cancellationToken) =>
            GetAsync(PathOf("teams", PplAccountApi.Required("Id", idOrName)), "Team", PplJsonContext.Default.PplTeam, cancellationToken);

        public Task<PplTeam> CreateAsync(string name, CancellationToken cancellationToken) =>
            SendAsync(Post, "teams", "Team", new PplJsonBody().Add("name", PplAccountApi.Required("Name", name)), PplJsonContext.Default.PplTeam, cancellationToken);

        public Task<PplTeam> RenameAsync(long id, string name, CancellationToken cancellationToken) =>
            SendAsync(Put, PathOf("teams", id), "Team", new PplJsonBody().Add("name", PplAccountApi.Required("Name", name)), PplJsonContext.Default.PplTeam, cancellationToken);

        public async Task RemoveAsync(long id, CancellationToken cancellationToken) =>
            await SendAsync(Delete, PathOf("teams", id), "Team", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);

        /// <summary>Adds a member, or changes whether a member is a manager.</summary>
        public Task<PplTeam> AddMemberAsync(long teamId, string user, bool isManager, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("teams", teamId, "add_member"), "Team",
                new PplJsonBody().AddUser("user_id", PplAccountApi.Required("UserId", user)).Add("is_manager", isManager), PplJsonContext.Default.PplTeam, cancellationToken);

        public Task<PplTeam> RemoveMemberAsync(long teamId, string user, CancellationToken cancellationToken) =>
            SendAsync(Delete, PathOf("teams", teamId, "remove_member"), "Team",
                new PplJsonBody().AddUser("user_id", PplAccountApi.Required("UserId", user)), PplJsonContext.Default.PplTeam, cancellationToken);
    }
}
