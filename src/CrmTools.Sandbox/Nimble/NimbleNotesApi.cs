using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>Contact notes (api/v1): create on 1 to 10 contacts, get, update, delete, list for a contact.</summary>
    internal static class NimbleNotesApi
    {
        public static void Register(NimbleService s)
        {
            s.Map("POST", "api/v1/contacts/notes", Create);
            s.Map("GET", "api/v1/contacts/notes/{id}", Get);
            s.Map("PUT", "api/v1/contacts/notes/{id}", Update);
            s.Map("DELETE", "api/v1/contacts/notes/{id}", Delete);
            s.Map("GET", "api/v1/contacts/{cid}/notes", List);
        }

        private static ServiceResponse Create(NimbleCall call)
        {
            var now = DateTimeOffset.UtcNow;
            var note = new NimbleNoteRecord { Id = call.State.NewId("note"), Created = now, Updated = now };
            Apply(call, note, call.Json());
            call.State.Notes.Add(note);
            return ServiceResponse.Json(201, NoteJson(call, note));
        }

        private static ServiceResponse Get(NimbleCall call) => ServiceResponse.Json(200, NoteJson(call, Find(call)));

        private static ServiceResponse Update(NimbleCall call)
        {
            var note = Find(call);
            Apply(call, note, call.Json());
            note.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, NoteJson(call, note));
        }

        private static ServiceResponse Delete(NimbleCall call)
        {
            var note = Find(call);
            call.State.Notes.Remove(note);
            return ServiceResponse.Json(200, new JsonObject { ["id"] = note.Id });
        }

        private static ServiceResponse List(NimbleCall call)
        {
            var contactId = call.Route["cid"];
            if (call.State.Contact(contactId) == null) throw NimbleError.NotFound("contact", contactId);
            var page = call.IntQuery("page", 1, 1, int.MaxValue);
            var perPage = call.IntQuery("per_page", 30, 1, 100);
            var notes = call.State.Notes.Where(n => n.ContactIds.Contains(contactId)).OrderByDescending(n => n.Created).ToList();
            return ServiceResponse.Json(200, new JsonObject
            {
                ["meta"] = new JsonObject { ["page"] = page, ["pages"] = Math.Max(1, (notes.Count + perPage - 1) / perPage), ["per_page"] = perPage, ["total"] = notes.Count },
                ["resources"] = new JsonArray(notes.Skip((page - 1) * perPage).Take(perPage).Select(n => (JsonNode?)NoteJson(call, n)).ToArray()),
            });
        }

        // contact_ids (1 to 10 existing contacts), note and note_preview are all required.
        private static void Apply(NimbleCall call, NimbleNoteRecord note, JsonObject body)
        {
            var errors = new Dictionary<string, string>();
            var ids = NimbleService.StringList(body["contact_ids"], "contact_ids");
            if (ids.Count < 1 || ids.Count > 10) errors["contact_ids"] = "Contacts count should be between 1 and 10.";
            var text = NimbleService.Text(body["note"]);
            if (string.IsNullOrWhiteSpace(text)) errors["note"] = "Missing data for required field.";
            var preview = NimbleService.Text(body["note_preview"]);
            if (preview == null) errors["note_preview"] = "Missing data for required field.";
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors);
            foreach (var id in ids) if (call.State.Contact(id) == null) throw NimbleError.NotFound("contact", id);
            note.ContactIds = ids;
            note.Note = text!;
            note.NotePreview = preview!;
        }

        private static NimbleNoteRecord Find(NimbleCall call) =>
            call.State.Notes.FirstOrDefault(n => n.Id == call.Route["id"]) ?? throw NimbleError.NotFound("note", call.Route["id"]);

        private static JsonObject NoteJson(NimbleCall call, NimbleNoteRecord n) => new JsonObject
        {
            ["id"] = n.Id,
            ["note"] = n.Note,
            ["note_preview"] = n.NotePreview,
            ["author_name"] = call.State.UserName,
            ["owner_id"] = call.State.UserId,
            ["owner"] = call.Service.UserInfo(),
            ["contacts"] = new JsonArray(n.ContactIds.Select(call.State.Contact).Where(c => c != null).Select(c => (JsonNode?)NimbleContactsApi.ShortContact(c!)).ToArray()),
            ["created"] = NimbleService.Time(n.Created),
            ["updated"] = NimbleService.Time(n.Updated),
        };
    }
}
