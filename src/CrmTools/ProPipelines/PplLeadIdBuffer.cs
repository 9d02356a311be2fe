using System.Collections.Generic;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// The lead ids a changing command was given, kept until its input ends. Get-PplLead pages by
    /// offset: changing or deleting leads while it still pages (Get-PplLead -Status todo |
    /// Set-PplLead -Status standby) would shift its pages and skip leads. Holding only the ids
    /// keeps memory small (8 bytes a lead). The same id twice is kept once.
    /// </summary>
    internal sealed class PplLeadIdBuffer
    {
        private readonly List<long> _ids = new List<long>();
        private readonly HashSet<long> _seen = new HashSet<long>();

        /// <summary>False when the id was given before.</summary>
        public bool Add(long id)
        {
            if (!_seen.Add(id)) return false;
            _ids.Add(id);
            return true;
        }

        public bool IsNew(long id) => !_seen.Contains(id);

        public IReadOnlyList<long> Ids => _ids;

        public int Count => _ids.Count;
    }
}
