using System;
using System.Linq;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Client folders: list (order, direction), create, get, update, delete.</summary>
    internal static class PplClientsApi
    {
        public static void Register(PplRouter r)
        {
            r.Get("clients", List);
            r.Post("clients", Create);
            r.Get("clients/{id}", Get);
            r.Put("clients/{id}", Update);
            r.Delete("clients/{id}", Delete);
        }

        private static ServiceResponse List(PplCall call)
        {
            var p = call.Params;
            bool asc = p.Ascending(true);
            var order = p.GetNonEmpty("order")?.Trim().ToLowerInvariant() ?? "name";
            if (order != "name" && order != "id") throw PplError.NotRecognized("order");
            var list = order == "id"
                ? call.State.Clients.OrderBy(c => c.Id).ToList()
                : call.State.Clients.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToList();
            if (!asc) list.Reverse();
            return ServiceResponse.Json(200, PplJson.Array(list, c => PplJson.Client(call.State, c, extended: false)));
        }

        private static ServiceResponse Get(PplCall call) =>
            ServiceResponse.Json(200, PplJson.Client(call.State, Find(call), extended: true));

        private static ServiceResponse Create(PplCall call)
        {
            var p = call.Params;
            var s = call.State;
            var name = p.Require("name").Trim();
            int ownerId = call.Actor.Id;
            var userParam = p.GetNonEmpty("user_id");
            if (userParam != null)
            {
                if (!call.IsApiKey) throw PplError.BadParameter("Parameter user_id should not be used with USER token.");
                ownerId = (s.FindUser(userParam) ?? throw PplError.NotRecognized("user_id")).Id;
            }
            var client = new PplClientFolder
            {
                Id = s.NextId("client"), Name = name, Description = p.Get("description") ?? "", IsActive = true,
                UserId = ownerId, CreatedAt = s.Now, UpdatedAt = s.Now,
            };
            s.Clients.Add(client);
            PplWebhookDispatcher.Raise(call, "client_folder.created", PplJson.Client(s, client, extended: true));
            return ServiceResponse.Json(201, PplJson.Client(s, client, extended: true));
        }

        private static ServiceResponse Update(PplCall call)
        {
            var client = Find(call);
            var p = call.Params;
            var name = p.GetNonEmpty("name");
            if (name != null) client.Name = name.Trim();
            if (p.Has("description")) client.Description = p.Get("description") ?? "";
            var active = p.GetBool("is_active");
            if (active != null) client.IsActive = active.Value;
            client.UpdatedAt = call.State.Now;
            call.State.LeadVersion++; // leads show the folder name
            return ServiceResponse.Json(200, PplJson.Client(call.State, client, extended: true));
        }

        private static ServiceResponse Delete(PplCall call)
        {
            var client = Find(call);
            var s = call.State;
            s.Clients.Remove(client);
            foreach (var lead in s.Leads)
                if (lead.ClientFolderId == client.Id) lead.ClientFolderId = null;
            s.LeadVersion++;
            return ServiceResponse.Json(200, new System.Text.Json.Nodes.JsonObject { ["id"] = client.Id });
        }

        private static PplClientFolder Find(PplCall call) =>
            call.State.ClientById(call.RouteId("id")) ?? throw PplError.NotFound();
    }
}
