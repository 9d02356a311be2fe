using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>The deal parameters New-NimbleDeal and Set-NimbleDeal share, and the pipeline lookup (once per command).</summary>
    public abstract class NimbleDealWriteCmdlet : NimbleCmdlet
    {
        private IReadOnlyList<NimblePipeline>? _pipelines;

        /// <summary>Pipeline name or id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineName", "PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Stage name or id within the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StageName", "StageId")]
        [ValidateNotNullOrEmpty]
        public string? Stage { get; set; }

        /// <summary>0 or more (checked before sending).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public decimal? Amount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public string? Currency { get; set; }

        /// <summary>0 to 100; by default the stage's default probability.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, 100)]
        public int? Probability { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? ExpectedCloseDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OwnerId { get; set; }

        /// <summary>Ids of the Nimble contacts taking part in the deal.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RelatedContactId")]
        [ValidateNotNull]
        public string[]? ContactId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        [ValidateNotNull]
        public string[]? Tag { get; set; }

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
