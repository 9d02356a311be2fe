using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace CrmTools.Sandbox.LimeGo
{
    /// <summary>
    /// The GraphQL endpoint (POST /v1/graphql), built with graphql-dotnet from the schema below: the queries the
    /// vendor confirms (deal, deals, organization, organizations; lists take first, 1..20, and offset), a coworkers
    /// list, and the mutations the module uses (their real names are unpublished; the engine keeps its choice in
    /// LimeGoGraphQLDocuments, and this schema follows it). Mutations raise events into the feed and push deliveries.
    /// </summary>
    internal sealed class LimeGoGraphQL
    {
        internal const string Sdl = @"
type Query {
  deal(id: Int!): Deal
  deals(query: String!, first: Int = 10, offset: Int = 0): [Deal!]!
  organization(id: Int!): Organization
  organizations(query: String!, first: Int = 10, offset: Int = 0): [Organization!]!
  coworkers(query: String = """", first: Int = 10, offset: Int = 0): [Coworker!]!
}

type Mutation {
  setDealStatus(id: Int!, status: DealStatus!): Deal
  setDealResponsibleCoworker(id: Int!, coworkerId: Int!): Deal
  setOrganizationRelation(id: Int!, relation: CustomerRelation!): Organization
  setOrganizationResponsibleCoworker(id: Int!, coworkerId: Int!): Organization
}

enum DealStatus { NEW CONTACT PROPOSAL NEGOTIATION ORDER LOST }

enum CustomerRelation { NO_RELATION BEEN_IN_TOUCH WORKING_ON_IT IS_A_CUSTOMER WAS_A_CUSTOMER }

type Coworker { id: Int! name: String email: String phoneNumber: String }

type CustomField { title: String type: String value: String }

type Organization {
  id: Int!
  name: String
  city: String
  email: String
  phoneNumber: String
  organizationNumber: String
  integrationId: String
  temperature: String
  customerRelation: CustomerRelation
  tags: [String]
  responsibleCoworker: Coworker
  customFields: [CustomField]
  deals: [Deal]
}

type Deal {
  id: Int!
  name: String
  customerName: String
  status: DealStatus
  source: String
  value: Float
  currency: String
  tags: [String]
  responsibleCoworker: Coworker
  customFields: [CustomField]
  customer: Organization
}
";

        internal const string AccountKey = "account";
        internal const string RaisedKey = "raised";
        private const int MaxFirst = 20;

        private readonly ISchema _schema;
        private readonly IDocumentExecuter _executer = new DocumentExecuter();
        private readonly GraphQLSerializer _serializer = new GraphQLSerializer();

        public LimeGoGraphQL()
        {
            _schema = Schema.For(Sdl, builder =>
            {
                var query = builder.Types.For("Query");
                query.FieldFor("deal").Resolver = Resolve(ctx => Account(ctx).Deal(ctx.GetArgument<int>("id")));
                query.FieldFor("deals").Resolver = Resolve(ctx => Page(ctx, Account(ctx).Deals.Where(d => Matches(ctx, d.Name, d.CustomerName))));
                query.FieldFor("organization").Resolver = Resolve(ctx => Account(ctx).Organization(ctx.GetArgument<int>("id")));
                query.FieldFor("organizations").Resolver = Resolve(ctx => Page(ctx, Account(ctx).Organizations.Where(o => Matches(ctx, o.Name, o.City))));
                query.FieldFor("coworkers").Resolver = Resolve(ctx => Page(ctx, Account(ctx).Coworkers.Where(c => Matches(ctx, c.Name, c.Email))));

                var mutation = builder.Types.For("Mutation");
                mutation.FieldFor("setDealStatus").Resolver = Resolve(SetDealStatus);
                mutation.FieldFor("setDealResponsibleCoworker").Resolver = Resolve(ctx =>
                {
                    var deal = Account(ctx).Deal(ctx.GetArgument<int>("id"));
                    if (deal != null) deal.ResponsibleCoworker = Coworker(ctx);
                    return deal;
                });
                mutation.FieldFor("setOrganizationRelation").Resolver = Resolve(SetOrganizationRelation);
                mutation.FieldFor("setOrganizationResponsibleCoworker").Resolver = Resolve(ctx =>
                {
                    var org = Account(ctx).Organization(ctx.GetArgument<int>("id"));
                    if (org != null) org.ResponsibleCoworker = Coworker(ctx);
                    return org;
                });
            });
            _schema.Initialize();
        }

        /// <summary>Runs one request for <paramref name="account"/> (the caller holds the state lock) and returns the JSON answer.</summary>
        public string Execute(LimeGoAccount account, string query, string? variablesJson, string? operationName, List<JsonObject> raised)
        {
            var result = _executer.ExecuteAsync(options =>
            {
                options.Schema = _schema;
                options.Query = query;
                options.OperationName = operationName;
                options.Variables = string.IsNullOrEmpty(variablesJson) ? null : _serializer.Deserialize<Inputs>(variablesJson);
                options.UserContext = new Dictionary<string, object?> { [AccountKey] = account, [RaisedKey] = raised };
                options.ThrowOnUnhandledException = false;
            }).GetAwaiter().GetResult();
            return _serializer.Serialize(result);
        }

        private static object? SetDealStatus(IResolveFieldContext ctx)
        {
            var account = Account(ctx);
            var deal = account.Deal(ctx.GetArgument<int>("id"));
            if (deal == null) return null;
            var status = Convert.ToString(ctx.GetArgument<object>("status"), System.Globalization.CultureInfo.InvariantCulture)!;
            if (deal.Status == status) return deal;
            deal.Status = status;
            var raised = Raised(ctx);
            raised.Add(account.Raise("DealStatusChange", deal.ResponsibleCoworker, deal, null));
            if (status == "ORDER") raised.Add(account.Raise("DealWon", deal.ResponsibleCoworker, deal, null));
            if (status == "LOST") raised.Add(account.Raise("DealLost", deal.ResponsibleCoworker, deal, null));
            return deal;
        }

        private static object? SetOrganizationRelation(IResolveFieldContext ctx)
        {
            var account = Account(ctx);
            var org = account.Organization(ctx.GetArgument<int>("id"));
            if (org == null) return null;
            var relation = Convert.ToString(ctx.GetArgument<object>("relation"), System.Globalization.CultureInfo.InvariantCulture)!;
            if (org.CustomerRelation == relation) return org;
            org.CustomerRelation = relation;
            Raised(ctx).Add(account.Raise(LimeGoAccount.RelationEvent(relation), org.ResponsibleCoworker, null, org));
            return org;
        }

        private static LgCoworker Coworker(IResolveFieldContext ctx)
        {
            var id = ctx.GetArgument<int>("coworkerId");
            return Account(ctx).Coworker(id) ?? throw new ExecutionError($"There is no coworker {id}.") { Code = "BAD_USER_INPUT" };
        }

        private static IEnumerable<T> Page<T>(IResolveFieldContext ctx, IEnumerable<T> items)
        {
            var first = ctx.GetArgument<int>("first", 10);
            var offset = ctx.GetArgument<int>("offset", 0);
            if (first < 1 || first > MaxFirst) throw new ExecutionError($"first must be between 1 and {MaxFirst}.") { Code = "BAD_USER_INPUT" };
            if (offset < 0) throw new ExecutionError("offset must not be negative.") { Code = "BAD_USER_INPUT" };
            return items.Skip(offset).Take(first).ToList();
        }

        private static bool Matches(IResolveFieldContext ctx, params string?[] fields)
        {
            var text = ctx.GetArgument<string>("query") ?? "";
            return text.Length == 0 || fields.Any(f => f != null && f.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0);
        }

        private static LimeGoAccount Account(IResolveFieldContext ctx) => (LimeGoAccount)ctx.UserContext[AccountKey]!;

        private static List<JsonObject> Raised(IResolveFieldContext ctx) => (List<JsonObject>)ctx.UserContext[RaisedKey]!;

        private static IFieldResolver Resolve(Func<IResolveFieldContext, object?> resolver) => new FuncFieldResolver<object?>(resolver);
    }
}
