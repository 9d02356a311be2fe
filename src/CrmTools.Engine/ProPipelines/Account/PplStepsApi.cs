using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>GET /steps and /steps/{id}, and turning a step name into one step id.</summary>
    public sealed class PplStepsApi : PplApiBase
    {
        // Steps change only in the web application; a short-lived copy saves a request per lead in bulk updates.
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
        private readonly object _cacheLock = new object();
        private IReadOnlyList<PplStep>? _cached;
        private DateTime _cachedAt;

        internal PplStepsApi(PplConnection connection) : base(connection) { }

        /// <summary>Every step of every pipeline, ordered by position.</summary>
        public async Task<IReadOnlyList<PplStep>> ListAsync(string? direction, CancellationToken cancellationToken)
        {
            var dir = PplRules.CheckSet("Direction", direction, PplRules.Directions);
            var steps = await GetListAsync("steps", "Step", PplJsonContext.Default.ListPplStep, cancellationToken,
                q => q.AddQuery("direction", dir)).ConfigureAwait(false);
            if (dir == null) Remember(steps);
            return steps;
        }

        /// <summary>One step by id or exact name (the service resolves either).</summary>
        public Task<PplStep> GetAsync(string idOrName, CancellationToken cancellationToken) =>
            GetAsync(PathOf("steps", idOrName.Trim()), "Step", PplJsonContext.Default.PplStep, cancellationToken);

        /// <summary>The steps known from a recent listing, or a fresh listing.</summary>
        public async Task<IReadOnlyList<PplStep>> CachedAsync(CancellationToken cancellationToken)
        {
            lock (_cacheLock)
            {
                if (_cached != null && DateTime.UtcNow - _cachedAt < CacheLifetime) return _cached;
            }
            return await ListAsync(null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Finds the one step meant by an id or a name. A name found in several pipelines is an
        /// error naming each of them (the service would pick one silently), as is an unknown step.
        /// </summary>
        public async Task<PplStep> ResolveAsync(string idOrName, CancellationToken cancellationToken)
        {
            var text = idOrName.Trim();
            var steps = await CachedAsync(cancellationToken).ConfigureAwait(false);
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var byId = steps.FirstOrDefault(s => s.Id == id);
                if (byId != null) return byId;
            }
            var byName = steps.Where(s => string.Equals(s.Name?.Trim(), text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 1) return byName[0];
            if (byName.Count > 1)
            {
                var places = string.Join(" and ", byName.Select(s => $"'{s.PipelineName ?? "pipeline " + s.PipelineId}' (step id {s.Id})"));
                throw new CrmValidationException("Ppl", "Step", $"The step name '{text}' is in more than one pipeline: {places}. Give the step id instead.")
                {
                    ErrorId = "AmbiguousStep",
                };
            }
            var known = string.Join(", ", steps.Select(s => $"{s.Name} ({s.PipelineName}, {s.Id})"));
            throw new CrmValidationException("Ppl", "Step", $"There is no step '{text}'. Steps: {known}.") { ErrorId = "StepNotFound" };
        }

        private void Remember(IReadOnlyList<PplStep> steps)
        {
            lock (_cacheLock)
            {
                _cached = steps;
                _cachedAt = DateTime.UtcNow;
            }
        }
    }
}
