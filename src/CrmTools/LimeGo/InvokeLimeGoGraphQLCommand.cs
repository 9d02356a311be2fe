using System;
using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.LimeGo.GraphQL;

namespace CrmTools.LimeGo
{
    /// <summary>
    /// Invoke-LimeGoGraphQL: runs any GraphQL query or mutation against POST /v1/graphql. Writes the answer's data as
    /// objects and each GraphQL error as an error record (LimeGo.GraphQLError). The text is parsed first, so a syntax
    /// error is reported before anything is sent, and a mutation asks ShouldProcess (-WhatIf, -Confirm).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "LimeGoGraphQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeLimeGoGraphQLCommand : LimeGoCmdlet
    {
        /// <summary>The GraphQL document.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = string.Empty;

        /// <summary>Values for the document's $variables.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public IDictionary? Variables { get; set; }

        /// <summary>Which operation of the document to run, when it holds several.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OperationName { get; set; }

        protected override void ProcessRecord()
        {
            GraphQLOperation operation;
            try
            {
                operation = GraphQLOperation.Inspect(Query, OperationName);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, Query);
                return;
            }
            if (operation.IsMutation && !ShouldProcess(operation.ToString(), "Invoke GraphQL mutation")) return;

            var connection = ActiveConnection;
            var variables = PsValues.ToPlain(Variables) as IDictionary;
            if (!TryRun(Query, ct => connection.GraphQL.InvokeAsync(Query, variables, OperationName, ct), out var result)) return;
            if (result.Data != null) WriteObject(PsValues.ToPowerShell(result.Data));
            foreach (var error in result.Errors) WriteFailure(error.ToException(operation.ToString()), Query);
        }
    }
}
