using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble;
using CrmTools.Engine.Paging;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>The intricate engine pieces, without a PowerShell host: error bodies, tags, page-number paging.</summary>
    public class NimbleEngineUnitTests
    {
        private static CrmApiException Api(int status, string body, string method = "POST") =>
            new CrmApiException("Nimble", CrmApiException.KindFromStatus(status), method, "https://app.nimble.com/api/v1/contact", status, "raw", null) { ResponseBody = body };

        [Fact]
        public void A_409_245_with_field_errors_names_each_field()
        {
            var e = NimbleErrors.Enrich(Api(409, "{\"message\": \"Validation errors\", \"code\": 245, \"errors\": {\"first name\": [{\"message\": " +
                                                 "\"First name or last name field is required for person and should not be empty\", \"field_id\": \"5049f697a694620a07000043\"}]}}"));
            Assert.Equal("ValidationFailed", e.ErrorId);
            Assert.Equal(CrmErrorKind.Conflict, e.Kind);
            Assert.Equal("245", e.ServiceCode);
            Assert.StartsWith("Validation errors; first name: First name or last name field is required", e.Message);
            Assert.Equal("First name or last name field is required for person and should not be empty",
                ((IDictionary<string, string>)e.Data[NimbleErrors.FieldErrorsKey]!)["first name"]);
        }

        [Fact]
        public void The_specs_path_keyed_validation_errors_are_read_too()
        {
            var e = NimbleErrors.Enrich(Api(409, "{\"errors\": {\"/\": {\"message\": \"missing required properties: [\\\"summary\\\"]\"}}, \"message\": \"Invalid value\", " +
                                                 "\"code\": 245, \"human_readable_error\": \"Invalid value: missing summary\"}"));
            Assert.StartsWith("Invalid value: missing summary; /: missing required properties", e.Message);
        }

        [Fact]
        public void A_409_245_without_field_errors_keeps_the_message()
        {
            var e = NimbleErrors.Enrich(Api(409, "{\"message\": \"You can specify either `keyword` or `query` parameter, not both!\", \"code\": 245}", "GET"));
            Assert.Equal("ValidationFailed", e.ErrorId);
            Assert.StartsWith("You can specify either `keyword` or `query` parameter, not both! [245]", e.Message);
        }

        [Fact]
        public void A_402_108_is_a_quota_error_and_the_specs_payment_body_too()
        {
            var e = NimbleErrors.Enrich(Api(402, "{\"message\": \"You have created the maximum number of contact records allowed for your subscription.\", \"code\": 108}"));
            Assert.Equal(CrmErrorKind.QuotaExceeded, e.Kind);
            Assert.Equal("QuotaExceeded", e.ErrorId);
            var payment = NimbleErrors.Enrich(Api(402, "{\"payment_type\": \"Resources/features usage exceeded\", \"required_spec\": {}, \"extra_usage\": {}}"));
            Assert.StartsWith("Resources/features usage exceeded", payment.Message);
        }

        [Fact]
        public void A_404_names_the_object_and_sets_the_resource_for_the_error_id()
        {
            var e = NimbleErrors.Enrich(Api(404, "{\"object_type\": \"contact field\", \"object_id\": \"111111111111111111111111\"}", "GET"));
            Assert.Equal(CrmErrorKind.NotFound, e.Kind);
            Assert.Equal("ContactField", e.Resource);
            Assert.StartsWith("The contact field '111111111111111111111111' was not found.", e.Message);
        }

        [Fact]
        public void A_500_107_and_a_406_preflight_failure_keep_the_service_words()
        {
            var server = NimbleErrors.Enrich(Api(500, "{\"message\": \"Internal error handling request\", \"code\": 107}"));
            Assert.Equal(CrmErrorKind.ServerError, server.Kind);
            Assert.Contains("Internal error handling request [107]", server.Message);
            var preflight = NimbleErrors.Enrich(Api(406, "{\"errors\": [{\"type\": \"non_editable_contacts\", \"message\": \"Some contacts cannot be updated\", \"total\": 10, \"nse_query\": {}}]}", "DELETE"));
            Assert.Equal("PreflightCheckFailed", preflight.ErrorId);
            Assert.StartsWith("Some contacts cannot be updated (10)", preflight.Message);
        }

        [Fact]
        public void Tags_with_commas_are_escaped_with_a_backslash_and_read_back()
        {
            Assert.Equal("our customers,best\\,premium", NimbleTags.Join(new[] { "our customers", "best,premium" }));
            Assert.Equal(new[] { "our customers", "best,premium" }, NimbleTags.Split("our customers,best\\,premium"));
        }

        [Theory]
        [InlineData(0, null, 10)]
        [InlineData(7, null, 10)]
        [InlineData(7, 13L, 4)]
        [InlineData(23, 5L, 3)]
        public async Task Page_numbers_serve_any_skip_and_first_without_fetching_a_page_twice(long skip, long? first, int pageSize)
        {
            var all = Enumerable.Range(1, 47).ToList();
            var fetched = new List<int>();
            // Slow pages, so the shared pager looks several pages ahead and asks for ranges concurrently.
            using var stream = PageNumberAdapter<int>.Stream(new PageRequest { Skip = skip, First = first, PageSize = pageSize }, async (page, perPage, ct) =>
            {
                lock (fetched) fetched.Add(page);
                await Task.Delay(20, ct);
                var items = all.Skip((page - 1) * perPage).Take(perPage).ToList();
                return new NumberedPage<int>(items, page, (all.Count + perPage - 1) / perPage, all.Count);
            }, CancellationToken.None);
            var got = new List<int>();
            while (await stream.MoveNextAsync()) got.Add(stream.Current);
            var expected = all.Skip((int)skip).Take((int)(first ?? int.MaxValue)).ToList();
            Assert.Equal(expected, got);
            lock (fetched) Assert.Equal(fetched.Count, fetched.Distinct().Count());
        }

        [Fact]
        public async Task A_401_on_a_request_sent_with_an_older_token_repeats_it_without_renewing_again()
        {
            // Unique values: a Secret registers itself with the process-wide redactor, and a common word would mask other tests' text.
            var id = Guid.NewGuid().ToString("N");
            string newToken = "new-token-" + id, oldToken = "old-token-" + id;
            // The token endpoint is unreachable: any renewal attempt would fail, so "true" without an error means no renewal was tried.
            var http = new CrmTools.Engine.Http.CrmHttpClient("Nimble", new Uri("http://127.0.0.1:9/"), new CrmTools.Engine.Http.HttpSettings { MaxRetries = 0 });
            var current = new CrmTools.Engine.Nimble.Auth.NimbleAccessToken(new CrmTools.Engine.Diagnostics.Secret(newToken), DateTimeOffset.UtcNow.AddMinutes(-3), TimeSpan.FromMinutes(10));
            var auth = new CrmTools.Engine.Nimble.Auth.NimbleAuthenticator(current, new CrmTools.Engine.Diagnostics.Secret("refresh-" + id))
            {
                OAuth = new CrmTools.Engine.Nimble.Auth.NimbleOAuthClient(http, "client", new CrmTools.Engine.Diagnostics.Secret("client-secret-" + id), new Uri("http://127.0.0.1/callback")),
            };
            using var old = new System.Net.Http.HttpRequestMessage();
            old.Headers.TryAddWithoutValidation("Authorization", "Bearer " + oldToken);
            Assert.True(await auth.TryRenewAsync(old, CancellationToken.None));
            Assert.Equal(0, auth.Renewals);

            using var same = new System.Net.Http.HttpRequestMessage();
            same.Headers.TryAddWithoutValidation("Authorization", "Bearer " + newToken);
            await Assert.ThrowsAnyAsync<CrmException>(() => auth.TryRenewAsync(same, CancellationToken.None));
        }
    }
}
