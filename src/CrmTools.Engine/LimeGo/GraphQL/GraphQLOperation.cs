using System;
using System.Linq;
using CrmTools.Engine.Errors;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>What a GraphQL request will run, read from its text with GraphQL-Parser before anything is sent.</summary>
    public sealed class GraphQLOperation
    {
        private GraphQLOperation(bool isMutation, string? name, string[] rootFields)
        {
            IsMutation = isMutation;
            Name = name;
            RootFields = rootFields;
        }

        /// <summary>True for a mutation: it changes data, needs ShouldProcess and is not retried after an ambiguous failure.</summary>
        public bool IsMutation { get; }

        /// <summary>The operation's name, if it has one.</summary>
        public string? Name { get; }

        /// <summary>The root fields it selects (mutation names for a mutation).</summary>
        public string[] RootFields { get; }

        /// <summary>
        /// Parses <paramref name="query"/> and picks the operation to run (the one named <paramref name="operationName"/>,
        /// or the only one). A syntax error, an unknown operation name or several unnamed operations are reported as
        /// validation errors naming the parameter, with the line and column.
        /// </summary>
        public static GraphQLOperation Inspect(string query, string? operationName)
        {
            if (string.IsNullOrWhiteSpace(query))
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Query", "The GraphQL query is empty.");
            }
            GraphQLDocument document;
            try
            {
                document = Parser.Parse(query);
            }
            catch (GraphQLSyntaxErrorException ex)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Query",
                    $"The query is not valid GraphQL (line {ex.Location.Line}, column {ex.Location.Column}): {ex.Description}");
            }
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            if (operations.Count == 0)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Query", "The document holds no query or mutation (only fragments).");
            }
            GraphQLOperationDefinition? chosen;
            if (!string.IsNullOrEmpty(operationName))
            {
                chosen = operations.FirstOrDefault(o => string.Equals(o.Name?.StringValue, operationName, StringComparison.Ordinal));
                if (chosen == null)
                {
                    throw new CrmValidationException(LimeGoConnection.ServicePrefix, "OperationName",
                        $"The document has no operation named '{operationName}'. It has: {string.Join(", ", operations.Select(o => o.Name?.StringValue ?? "(unnamed)"))}.");
                }
            }
            else if (operations.Count == 1)
            {
                chosen = operations[0];
            }
            else
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "OperationName",
                    "The document holds several operations; name the one to run with -OperationName.");
            }
            if (chosen.Operation == OperationType.Subscription)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Query",
                    "GraphQL subscriptions are not served over this endpoint; use Register-LimeGoSubscription or Get-LimeGoFeed for events.");
            }
            var fields = chosen.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue).ToArray();
            return new GraphQLOperation(chosen.Operation == OperationType.Mutation, chosen.Name?.StringValue, fields);
        }

        /// <summary>A short description for -WhatIf and messages, e.g. "mutation setDealStatus".</summary>
        public override string ToString() =>
            (IsMutation ? "mutation" : "query") + (RootFields.Length > 0 ? " " + string.Join(", ", RootFields) : Name != null ? " " + Name : string.Empty);
    }
}
