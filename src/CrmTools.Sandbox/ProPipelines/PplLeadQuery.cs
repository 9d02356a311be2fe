using System;
using System.Collections.Generic;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// The filters and order of GET /leads, validated as the service documents (400 on an unknown
    /// status, step, user or a badly formatted date). Results are cached per query and data version
    /// so paging through 100,000 leads does not sort them again for every page.
    /// </summary>
    internal sealed class PplLeadQuery
    {
        private static readonly string[] Statuses = { "todo", "standby", "won", "lost", "cancelled" };
        private static readonly string[] Orders =
            { "id", "creation_date", "last_update", "next_action", "sale_step", "amount", "probability", "probalized_amount", "alphabetically" };

        private bool _ascending;
        private string _order = "id";
        private HashSet<string>? _statuses;
        private HashSet<int>? _stepIds;
        private bool? _starred;
        private int? _userId;
        private string? _email;
        private string? _fieldKey, _fieldValue;
        private List<string>? _tags;
        private DateTime? _updatedAfter;
        private DateTime? _start, _endExclusive;
        private string _rangeType = "creation";
        private bool _includeUnassigned;
        private int? _scopeUserId;   // a non-admin USER token sees only its own leads

        public int Limit { get; private set; } = 100;
        public int Offset { get; private set; }

        public static PplLeadQuery From(PplCall call)
        {
            var p = call.Params;
            var s = call.State;
            var q = new PplLeadQuery { _ascending = p.Ascending(false) };

            var order = p.GetNonEmpty("order");
            if (order != null)
            {
                q._order = order.Trim().ToLowerInvariant();
                if (Array.IndexOf(Orders, q._order) < 0) throw PplError.NotRecognized("order");
            }
            q.Limit = p.GetInt("limit") ?? 100;
            q.Offset = p.GetInt("offset") ?? 0;
            if (q.Limit < 0) throw PplError.BadParameter("Parameter [limit] should be a positive integer.");
            if (q.Offset < 0) throw PplError.BadParameter("Parameter [offset] should be a positive integer.");

            var statuses = p.GetList("status");
            if (statuses != null && statuses.Count > 0)
            {
                q._statuses = new HashSet<string>();
                foreach (var st in statuses)
                {
                    var v = st.ToLowerInvariant();
                    if (Array.IndexOf(Statuses, v) < 0) throw PplError.NotRecognized("status");
                    q._statuses.Add(v);
                }
            }

            var steps = p.GetList("step");
            if (steps != null && steps.Count > 0)
            {
                q._stepIds = new HashSet<int>();
                foreach (var name in steps)
                {
                    var matches = s.Steps.FindAll(x => x.Name == name);
                    if (matches.Count == 0) throw PplError.NotRecognized("step");
                    foreach (var m in matches) q._stepIds.Add(m.Id);
                }
            }

            q._starred = p.GetBool("starred");
            var user = p.GetNonEmpty("user_id");
            if (user != null) q._userId = (s.FindUser(user) ?? throw PplError.NotRecognized("user_id")).Id;
            q._email = p.GetNonEmpty("email")?.Trim();
            q._fieldKey = p.GetNonEmpty("field_key")?.Trim();
            q._fieldValue = p.Get("field_value")?.Trim();
            q._tags = p.GetList("tags");
            if (q._tags != null && q._tags.Count == 0) q._tags = null;

            q._updatedAfter = Date(p, "updated_after", endOfDay: false);
            q._start = Date(p, "start_date", endOfDay: false);
            q._endExclusive = Date(p, "end_date", endOfDay: true);
            var range = p.GetNonEmpty("date_range_type");
            if (range != null)
            {
                q._rangeType = range.Trim().ToLowerInvariant();
                if (q._rangeType != "creation" && q._rangeType != "update" && q._rangeType != "next_action" && q._rangeType != "closed")
                    throw PplError.NotRecognized("date_range_type");
            }
            q._includeUnassigned = p.GetBool("include_unassigned") ?? false;
            if (!call.IsAdmin) q._scopeUserId = call.User!.Id;
            return q;
        }

        // An end date without a time covers that whole day.
        private static DateTime? Date(PplParams p, string name, bool endOfDay)
        {
            var text = p.GetNonEmpty(name);
            if (text == null) return null;
            if (!PplDates.TryParse(text, out var date, out bool dateOnly)) throw PplError.BadDate(name);
            return endOfDay && dateOnly ? date.AddDays(1) : endOfDay ? date.AddTicks(1) : date;
        }

        /// <summary>A key for everything but paging: equal keys give equal result lists.</summary>
        public string CacheKey() => string.Join("|", new[]
        {
            _ascending ? "a" : "d", _order, Join(_statuses), Join(_stepIds), _starred?.ToString() ?? "", _userId?.ToString() ?? "",
            _email ?? "", _fieldKey ?? "", _fieldValue ?? "", _tags == null ? "" : string.Join(",", _tags),
            Ticks(_updatedAfter), Ticks(_start), Ticks(_endExclusive), _rangeType, _includeUnassigned ? "u" : "", _scopeUserId?.ToString() ?? "",
        });

        private static string Join<T>(IEnumerable<T>? items) => items == null ? "" : string.Join(",", items);
        private static string Ticks(DateTime? d) => d?.Ticks.ToString() ?? "";

        public bool Matches(PplState s, PplLead l)
        {
            if (l.UserId == null)
            {
                if (!_includeUnassigned) return false;
            }
            else if (_scopeUserId != null && l.UserId != _scopeUserId) return false;
            if (_userId != null && l.UserId != _userId) return false;
            if (_statuses != null && !_statuses.Contains(l.Status)) return false;
            if (_stepIds != null && !_stepIds.Contains(l.StepId)) return false;
            if (_starred == true && l.Starred != true) return false;
            if (_starred == false && l.Starred == true) return false;
            if (_updatedAfter != null && l.UpdatedAt < _updatedAfter.Value) return false;
            if (_start != null || _endExclusive != null)
            {
                DateTime? d = _rangeType switch
                {
                    "update" => l.UpdatedAt,
                    "next_action" => l.ReminderAt,
                    "closed" => l.ClosedAt,
                    _ => l.CreatedAt,
                };
                if (d == null) return false;
                if (_start != null && d.Value < _start.Value) return false;
                if (_endExclusive != null && d.Value >= _endExclusive.Value) return false;
            }
            if (_tags != null)
                foreach (var t in _tags)
                    if (Array.FindIndex(l.Tags, x => string.Equals(x, t, StringComparison.OrdinalIgnoreCase)) < 0) return false;
            if (_email != null && !HasEmail(s, l)) return false;
            if (_fieldKey != null && !HasField(s, l)) return false;
            return true;
        }

        private bool HasEmail(PplState s, PplLead l)
        {
            if (s.DescriptionOf(l).IndexOf(_email!, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            foreach (var c in s.CommentsOf(l.Id))
                if (c.Content.IndexOf(_email!, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }

        private bool HasField(PplState s, PplLead l)
        {
            foreach (var kv in PplDescription.Parse(s.DescriptionOf(l)))
                if (string.Equals(kv.Key, _fieldKey, StringComparison.OrdinalIgnoreCase)
                    && (_fieldValue == null || string.Equals(kv.Value.Trim(), _fieldValue, StringComparison.OrdinalIgnoreCase)))
                    return true;
            return false;
        }

        /// <summary>Every matching lead in the requested order.</summary>
        public List<PplLead> Run(PplState s)
        {
            var result = new List<PplLead>();
            foreach (var l in s.Leads) if (Matches(s, l)) result.Add(l);
            if (_order == "id")
            {
                if (!_ascending) result.Reverse(); // the store is already in id order
                return result;
            }
            result.Sort((a, b) => Compare(s, a, b));
            return result;
        }

        // Missing values sort last in either direction; ties fall back to the id.
        private int Compare(PplState s, PplLead a, PplLead b)
        {
            int c = _order switch
            {
                "creation_date" => Cmp(a.CreatedAt, b.CreatedAt),
                "last_update" => Cmp(a.UpdatedAt, b.UpdatedAt),
                "next_action" => CmpNullable(a.ReminderAt, b.ReminderAt),
                "sale_step" => Cmp(StepRank(s, a), StepRank(s, b)),
                "amount" => CmpNullable(a.Amount, b.Amount),
                "probability" => CmpNullable(a.Probability, b.Probability),
                "probalized_amount" => CmpNullable(Probalized(a), Probalized(b)),
                "alphabetically" => Cmp(a.Title, b.Title),
                _ => 0,
            };
            if (c == int.MaxValue) return 1;
            if (c == int.MinValue) return -1;
            if (c == 0) c = a.Id.CompareTo(b.Id);
            return _ascending ? c : -c;
        }

        private static int Cmp<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b);
        private static int Cmp(string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

        // int.MaxValue / MinValue mean "a is missing" / "b is missing": kept last whatever the direction.
        private static int CmpNullable<T>(T? a, T? b) where T : struct, IComparable<T>
        {
            if (a == null && b == null) return 0;
            if (a == null) return int.MaxValue;
            if (b == null) return int.MinValue;
            return a.Value.CompareTo(b.Value);
        }

        private static double? Probalized(PplLead l) => l.Amount == null ? (double?)null : l.Amount.Value * (l.Probability ?? 0) / 100.0;

        private static long StepRank(PplState s, PplLead l)
        {
            var step = s.StepById(l.StepId);
            return step == null ? long.MaxValue : (long)step.PipelineId * 10000 + step.Position;
        }
    }
}
