using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Deals
{
    /// <summary>A pipeline and one of its stages, found by name or id.</summary>
    public sealed class NimblePipelineResolution
    {
        internal NimblePipelineResolution(NimblePipeline pipeline, NimbleStage stage)
        {
            Pipeline = pipeline;
            Stage = stage;
        }

        public NimblePipeline Pipeline { get; }

        public NimbleStage Stage { get; }

        /// <summary>
        /// Finds a pipeline (by id, else by name, case-insensitively) among <paramref name="pipelines"/> and a stage in it
        /// (by id or name; the first active stage when <paramref name="stage"/> is null).
        /// </summary>
        public static NimblePipelineResolution Resolve(IReadOnlyList<NimblePipeline> pipelines, string? pipeline, string? stage)
        {
            var p = FindPipeline(pipelines, pipeline);
            var stages = (p.Stages ?? new List<NimbleStage>()).Where(s => s.ArchivedAt == null).ToList();
            NimbleStage? found;
            if (string.IsNullOrWhiteSpace(stage))
            {
                found = stages.FirstOrDefault() ?? throw new CrmValidationException("Nimble", "Stage", $"The pipeline '{p.Name}' has no active stage.");
            }
            else
            {
                found = stages.FirstOrDefault(s => string.Equals(s.StageId, stage, StringComparison.Ordinal))
                        ?? Single(stages.Where(s => string.Equals(s.Name?.Trim(), stage!.Trim(), StringComparison.OrdinalIgnoreCase)).ToList(), "Stage", stage!, p.Name);
            }
            if (found == null)
            {
                throw new CrmValidationException("Nimble", "Stage",
                    $"The pipeline '{p.Name}' has no active stage '{stage}'. Its stages: {string.Join(", ", stages.Select(s => s.Name))}.");
            }
            return new NimblePipelineResolution(p, found);
        }

        public static NimblePipeline FindPipeline(IReadOnlyList<NimblePipeline> pipelines, string? pipeline)
        {
            if (string.IsNullOrWhiteSpace(pipeline))
            {
                var active = pipelines.Where(x => x.ArchivedAt == null).ToList();
                return active.FirstOrDefault(x => x.IsDefault == true) ?? (active.Count == 1 ? active[0] :
                    throw new CrmValidationException("Nimble", "Pipeline", $"Name the pipeline: the account has {active.Count} ({string.Join(", ", active.Select(x => x.Name))})."));
            }
            var byId = pipelines.FirstOrDefault(x => string.Equals(x.PipelineId, pipeline, StringComparison.Ordinal));
            if (byId != null) return byId;
            var byName = Single(pipelines.Where(x => string.Equals(x.Name?.Trim(), pipeline!.Trim(), StringComparison.OrdinalIgnoreCase)).ToList(), "Pipeline", pipeline!, null);
            return byName ?? throw new CrmValidationException("Nimble", "Pipeline",
                $"There is no pipeline '{pipeline}'. Pipelines: {string.Join(", ", pipelines.Select(x => x.Name))}.");
        }

        private static T? Single<T>(List<T> matches, string parameter, string name, string? within) where T : class
        {
            if (matches.Count > 1)
            {
                throw new CrmValidationException("Nimble", parameter, $"{matches.Count} {parameter.ToLowerInvariant()}s are named '{name}'{(within != null ? " in " + within : string.Empty)}: give the id instead.");
            }
            return matches.FirstOrDefault();
        }
    }
}
