using System;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Teams: list, create, get (id or name), rename, delete, add_member (is_manager), remove_member.
    /// With a USER token only admins may use them, as documented.</summary>
    internal static class PplTeamsApi
    {
        public static void Register(PplRouter r)
        {
            r.Get("teams", call => ServiceResponse.Json(200, PplJson.Array(call.State.Teams, t => PplJson.Team(call.State, t))));
            r.Post("teams", Create);
            r.Get("teams/{id}", Get);
            r.Put("teams/{id}", Update);
            r.Delete("teams/{id}", Delete);
            r.Post("teams/{id}/add_member", AddMember);
            r.Delete("teams/{id}/remove_member", RemoveMember);
        }

        private static ServiceResponse Create(PplCall call)
        {
            call.RequireAdmin();
            var s = call.State;
            var name = call.Params.Require("name").Trim();
            if (s.Teams.Exists(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw PplError.AlreadyExists("A team with this name already exists");
            var team = new PplTeam { Id = s.NextId("team"), Name = name, CreatedAt = s.Now, UpdatedAt = s.Now };
            s.Teams.Add(team);
            return ServiceResponse.Json(201, PplJson.Team(s, team));
        }

        private static ServiceResponse Get(PplCall call)
        {
            call.RequireAdmin();
            return ServiceResponse.Json(200, PplJson.Team(call.State, Find(call)));
        }

        private static ServiceResponse Update(PplCall call)
        {
            call.RequireAdmin();
            var team = Find(call);
            team.Name = call.Params.Require("name").Trim();
            team.UpdatedAt = call.State.Now;
            call.State.LeadVersion++; // lists show team names
            return ServiceResponse.Json(200, PplJson.Team(call.State, team));
        }

        private static ServiceResponse Delete(PplCall call)
        {
            call.RequireAdmin();
            var s = call.State;
            var team = Find(call);
            s.Teams.Remove(team);
            foreach (var lead in s.Leads)
                if (lead.TeamId == team.Id) lead.TeamId = null;
            s.LeadVersion++;
            return ServiceResponse.Json(200, new System.Text.Json.Nodes.JsonObject { ["id"] = team.Id });
        }

        private static ServiceResponse AddMember(PplCall call)
        {
            call.RequireAdmin();
            var s = call.State;
            var team = Find(call);
            var user = s.FindUser(call.Params.GetNonEmpty("user_id") ?? throw PplError.Missing("user_id"))
                       ?? throw PplError.BadParameter("Parameter user_id not recognized.");
            bool manager = call.Params.GetBool("is_manager") ?? false;
            var member = team.Members.Find(m => m.UserId == user.Id);
            if (member == null) team.Members.Add(new PplTeamMember { UserId = user.Id, IsManager = manager });
            else member.IsManager = manager; // "add a member or change the manager role"
            team.UpdatedAt = s.Now;
            return ServiceResponse.Json(200, PplJson.Team(s, team));
        }

        private static ServiceResponse RemoveMember(PplCall call)
        {
            call.RequireAdmin();
            var s = call.State;
            var team = Find(call);
            var user = s.FindUser(call.Params.GetNonEmpty("user_id") ?? throw PplError.Missing("user_id"))
                       ?? throw PplError.BadParameter("Parameter user_id not recognized.");
            if (team.Members.RemoveAll(m => m.UserId == user.Id) == 0) throw PplError.NotFound();
            team.UpdatedAt = s.Now;
            return ServiceResponse.Json(200, PplJson.Team(s, team));
        }

        private static PplTeam Find(PplCall call) => PplUsersApi.FindTeam(call.State, call.RouteText("id")) ?? throw PplError.NotFound();
    }
}
