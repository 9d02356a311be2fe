using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Users: list (filters), get by id or e-mail, create, send_activation_email, disable.</summary>
    internal static class PplUsersApi
    {
        public static void Register(PplRouter r)
        {
            r.Get("users", List);
            r.Post("users", Create);
            r.Get("users/{id}", Get);
            r.Get("users/{id}/send_activation_email", SendActivation);
            r.Post("users/{id}/send_activation_email", SendActivation);
            r.Put("users/{id}/disable", Disable);
        }

        private static ServiceResponse List(PplCall call)
        {
            var p = call.Params;
            var s = call.State;
            bool asc = p.Ascending(true);
            var email = p.GetNonEmpty("email")?.Trim();
            var last = p.GetNonEmpty("lastname")?.Trim();
            var first = p.GetNonEmpty("firstname")?.Trim();
            var status = p.GetNonEmpty("status")?.Trim().ToLowerInvariant() ?? "all";
            if (status != "all" && status != "activated" && status != "deactivated") throw PplError.NotRecognized("status");
            var role = p.GetNonEmpty("role")?.Trim().ToLowerInvariant() ?? "all";
            if (role != "all" && role != "admin" && role != "non-admin" && role != "non_admin") throw PplError.NotRecognized("role");
            HashSet<int>? members = null;
            var teams = p.GetList("teams");
            if (teams != null && teams.Count > 0)
            {
                members = new HashSet<int>();
                foreach (var t in teams)
                {
                    var team = FindTeam(s, t) ?? throw PplError.NotRecognized("teams");
                    foreach (var m in team.Members) members.Add(m.UserId);
                }
            }
            var users = s.Users.Where(u =>
                (email == null || string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))
                && (last == null || string.Equals(u.LastName, last, StringComparison.OrdinalIgnoreCase))
                && (first == null || string.Equals(u.FirstName, first, StringComparison.OrdinalIgnoreCase))
                && (status == "all" || (status == "activated" ? u.HasActivated && !u.IsDisabled : !u.HasActivated || u.IsDisabled))
                && (role == "all" || (role == "admin" ? u.IsAdmin : !u.IsAdmin))
                && (members == null || members.Contains(u.Id)));
            var ordered = asc ? users.OrderBy(u => u.Id) : users.OrderByDescending(u => u.Id);
            return ServiceResponse.Json(200, PplJson.Array(ordered, u => PplJson.User(s, u)));
        }

        private static ServiceResponse Get(PplCall call) =>
            ServiceResponse.Json(200, PplJson.User(call.State, Find(call)));

        private static ServiceResponse Create(PplCall call)
        {
            call.RequireAdmin();
            var p = call.Params;
            var s = call.State;
            var email = p.Require("email").Trim();
            if (email.IndexOf('@') <= 0) throw PplError.NotRecognized("email");
            if (s.Users.Exists(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
                throw PplError.AlreadyExists("A user with this email already exists");
            var user = new PplUser
            {
                Id = s.NextId("user"), Email = email, FirstName = p.Get("firstname") ?? "", LastName = p.Get("lastname") ?? "",
                IsAdmin = p.GetBool("is_admin") ?? false, HasActivated = false, CreatedAt = s.Now, UpdatedAt = s.Now,
                Password = "Sandbox-new-" + Guid.NewGuid().ToString("N").Substring(0, 8),
            };
            s.Users.Add(user);
            return ServiceResponse.Json(201, PplJson.User(s, user));
        }

        private static ServiceResponse SendActivation(PplCall call)
        {
            call.RequireAdmin();
            var user = Find(call);
            return ServiceResponse.Empty(user.HasActivated ? 304 : 200);
        }

        private static ServiceResponse Disable(PplCall call)
        {
            call.RequireAdmin();
            var s = call.State;
            var user = Find(call);
            user.IsDisabled = true;
            user.UpdatedAt = s.Now;
            foreach (var token in s.Tokens.Where(t => t.Value == user.Id).Select(t => t.Key).ToList()) s.Tokens.Remove(token);
            return ServiceResponse.Json(200, PplJson.User(s, user));
        }

        private static PplUser Find(PplCall call) => call.State.FindUser(call.RouteText("id")) ?? throw PplError.NotFound();

        public static PplTeam? FindTeam(PplState s, string idOrName)
        {
            if (int.TryParse(idOrName, out int id))
            {
                var byId = s.Teams.Find(t => t.Id == id);
                if (byId != null) return byId;
            }
            return s.Teams.Find(t => string.Equals(t.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }
}
