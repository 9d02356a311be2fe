using System;
using System.Collections.Generic;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Action histories of leads. Generated leads get a plausible history built from their fields the
    /// first time it is needed, so 100,000 generated leads cost nothing until one is looked at.
    /// Ids are per lead (lead id * 1000 + n) so they stay stable whatever the access order.
    /// </summary>
    internal static class PplHistory
    {
        public static List<PplActionHistory> Of(PplState s, PplLead lead)
        {
            if (s.HistoryByLead.TryGetValue(lead.Id, out var list)) return list;
            list = Synthesize(s, lead);
            s.HistoryByLead[lead.Id] = list;
            return list;
        }

        public static void Record(PplState s, PplLead lead, string type, PplUser? actor, Dictionary<string, object?> item)
        {
            var list = Of(s, lead);
            item["type"] = type;
            list.Add(new PplActionHistory
            {
                Id = lead.Id * 1000 + list.Count + 1,
                LeadId = lead.Id,
                ActionType = type,
                UserId = actor?.Id,
                CreatedAt = s.Now,
                ActionItem = Ordered(type, item),
            });
        }

        // "type" first, as the document shows.
        private static Dictionary<string, object?> Ordered(string type, Dictionary<string, object?> item)
        {
            var ordered = new Dictionary<string, object?> { ["type"] = type };
            foreach (var kv in item) if (kv.Key != "type") ordered[kv.Key] = kv.Value;
            return ordered;
        }

        private static List<PplActionHistory> Synthesize(PplState s, PplLead lead)
        {
            var list = new List<PplActionHistory>();
            int? by = lead.CreatedById ?? lead.UserId ?? s.Users[0].Id;
            void Add(string type, DateTime at, int? user, Dictionary<string, object?> item) =>
                list.Add(new PplActionHistory
                {
                    Id = lead.Id * 1000 + list.Count + 1, LeadId = lead.Id, ActionType = type, UserId = user,
                    CreatedAt = at, ActionItem = Ordered(type, item),
                });

            Add("lead_created", lead.CreatedAt, by, new Dictionary<string, object?> { ["id"] = lead.Id });
            var span = lead.UpdatedAt - lead.CreatedAt;
            if (lead.UserId != null)
            {
                var u = s.UserById(lead.UserId);
                Add("user_assigned", lead.CreatedAt.AddMinutes(1), by, new Dictionary<string, object?>
                {
                    ["id"] = lead.UserId, ["firstname"] = u?.FirstName, ["lastname"] = u?.LastName, ["email"] = u?.Email,
                });
            }
            if (lead.Amount != null)
                Add("amount_set", lead.CreatedAt.Add(TimeSpan.FromTicks(span.Ticks / 4)), lead.UserId ?? by, new Dictionary<string, object?>
                {
                    ["id"] = lead.Id, ["amount"] = lead.Amount, ["probability"] = lead.Probability, ["currency"] = lead.Currency,
                });
            var step = s.StepById(lead.StepId);
            if (step != null && step.Position > 1)
                Add("step_changed", lead.CreatedAt.Add(TimeSpan.FromTicks(span.Ticks / 2)), lead.UserId ?? by, new Dictionary<string, object?>
                {
                    ["id"] = step.Id, ["name"] = step.Name, ["position"] = step.Position,
                });
            if (lead.Status != "todo")
                Add("status_changed", lead.UpdatedAt, lead.UserId ?? by, new Dictionary<string, object?>
                {
                    ["id"] = StatusId(lead.Status), ["name"] = lead.Status,
                });
            return list;
        }

        public static int StatusId(string status) => status switch
        {
            "todo" => 1,
            "standby" => 2,
            "won" => 3,
            "lost" => 4,
            "cancelled" => 5,
            _ => 0,
        };
    }
}
