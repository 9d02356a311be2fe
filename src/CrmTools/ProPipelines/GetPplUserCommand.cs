using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplUser: the account's users (filtered), or users by id or e-mail.</summary>
    [Cmdlet(VerbsCommon.Get, "PplUser", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplUser))]
    public sealed class GetPplUserCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>User ids or e-mail addresses.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [PplIdArgument("UserId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? FirstName { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? LastName { get; set; }

        /// <summary>all (the default), activated or deactivated.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("all", "activated", "deactivated", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>all (the default), admin or non-admin.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("all", "admin", "non-admin", IgnoreCase = true)]
        public string? Role { get; set; }

        /// <summary>Only members of these teams (ids or names).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("Teams")]
        [ValidateNotNullOrEmpty]
        public string[]? Team { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ListSet)
            {
                var query = new PplUserQuery
                {
                    Email = Email, FirstName = FirstName, LastName = LastName, Status = Status, Role = Role, Teams = Team, Direction = Direction,
                };
                if (TryRun(null, ct => connection.Users.ListAsync(query, ct), out var users)) WriteAll(users);
                return;
            }
            foreach (var id in Id)
            {
                if (TryRun(id, ct => connection.Users.GetAsync(id, ct), out var user)) WriteObject(user);
            }
        }
    }
}
