using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>
    /// The deal parameters New-NimbleDeal and Set-NimbleDeal share, and the pipeline lookup (once per command). Each
    /// command declares them: New-NimbleDeal binds them from piped objects by property name (Import-Csv),
    /// Set-NimbleDeal does not (a piped deal must not write its own stage, amount or probability back).
    /// </summary>
    public abstract class NimbleDealWriteCmdlet : NimbleCmdlet
    {
        private IReadOnlyList<NimblePipeline>? _pipelines;

        /// <summary>Pipeline name or id.</summary>
        public abstract string? Pipeline { get; set; }

        /// <summary>Stage name or id within the pipeline.</summary>
        public abstract string? Stage { get; set; }

        /// <summary>0 or more (checked before sending).</summary>
        public abstract decimal? Amount { get; set; }

        public abstract string? Currency { get; set; }

        /// <summary>0 to 100; by default the stage's default probability.</summary>
        public abstract int? Probability { get; set; }

        public abstract DateTime? ExpectedCloseDate { get; set; }

        public abstract string? Description { get; set; }

        public abstract string? OwnerId { get; set; }

        /// <summary>Ids of the Nimble contacts taking part in the deal.</summary>
        public abstract string[]? ContactId { get; set; }

        public abstract string[]? Tag { get; set; }

        /// <summary>Custom fields by name or id ($null removes one).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Field { get; set; }

        protected NimbleDealInput BuildInput(string? name) => new NimbleDealInput
        {
            Name = name,
            Amount = Amount,
            Currency = Currency,
            Probability = Probability,
            ExpectedCloseDate = ToOffset(ExpectedCloseDate),
            Description = Description,
            OwnerId = OwnerId,
            RelatedContactIds = List(ContactId),
            Tags = List(Tag),
            Fields = PlainDictionary(Field),
        };

        /// <summary>The pipeline and stage for <paramref name="pipeline"/>/<see cref="Stage"/>, from one listing per command.</summary>
        protected NimblePipelineResolution Resolve(string? pipeline, string? stage)
        {
            var connection = ActiveConnection;
            _pipelines ??= Run(ct => connection.Pipelines.ListAsync(ct));
            return NimblePipelineResolution.Resolve(_pipelines, pipeline, stage);
        }
    }
}
