using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Webhooks;
using Xunit;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>Building deliveries as the services send them.</summary>
    public static class Deliveries
    {
        public static string Sign(long eventId, string apiKey) =>
            Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(eventId + apiKey))).ToLowerInvariant();

        /// <summary>A ProPipelines delivery body for a lead event, signed with <paramref name="apiKey"/> (or carrying <paramref name="signature"/>).</summary>
        public static string Ppl(long eventId, string? apiKey, string eventName = "lead.creation", long leadId = 9331, string title = "Bountiful", string? signature = null)
        {
            var sig = signature ?? (apiKey == null ? null : Sign(eventId, apiKey));
            var sigJson = sig == null ? string.Empty : $"\"signature\":\"{sig}\",";
            return $"{{\"webhook_event\":{{\"id\":{eventId},\"event\":\"{eventName}\",{sigJson}\"has_succeeded\":false,\"try_count\":1,\"last_returned_code\":null," +
                   $"\"data\":{{\"id\":{leadId},\"title\":\"{title}\",\"status\":\"Todo\",\"step\":\"Incoming\",\"amount\":1500.0,\"currency\":\"USD\"," +
                   "\"description\":\"Email: e@example.com<br />\",\"text_description\":\"Email: e@example.com\",\"tags\":[\"vip\"]," +
                   "\"user\":{\"id\":514,\"firstname\":\"St\\u00e9phanie\",\"lastname\":\"Stone\"},\"client_folder\":null}}}";
        }
    }

    /// <summary>The acceptance rules of one delivery, without HTTP.</summary>
    public sealed class WebhookIntakeTests
    {
        private const string Key = "91Jy7XxreymBRMASfTF8";
        private static readonly WebhookEndpoint PplEndpoint = WebhookEndpoint.Ppl(null, new NetworkCredential(string.Empty, Key).SecurePassword);

        private static WebhookDecision Evaluate(WebhookEndpoint endpoint, string body) =>
            WebhookIntake.Evaluate(endpoint, Encoding.UTF8.GetBytes(body), "application/json", "127.0.0.1");

        [Fact]
        public void The_documented_signature_is_accepted()
        {
            // The vendor document's example: event 984 ... signature of "984" + key.
            var d = Evaluate(PplEndpoint, Deliveries.Ppl(984, Key));
            Assert.True(d.Accepted, d.Reason);
            Assert.Equal("ppl:984", d.SpoolId);
            Assert.Equal("984", d.EventId);
            Assert.Equal("lead.creation", d.EventName);
            Assert.Equal("true", d.Metadata["verified"]);
            Assert.Equal("Ppl", d.Metadata["service"]);
        }

        [Fact]
        public void A_signature_in_upper_case_or_an_id_as_text_or_a_bare_event_is_accepted()
        {
            Assert.True(Evaluate(PplEndpoint, Deliveries.Ppl(5, null, signature: Deliveries.Sign(5, Key).ToUpperInvariant())).Accepted);
            Assert.True(Evaluate(PplEndpoint, $"{{\"webhook_event\":{{\"id\":\"6\",\"event\":\"lead.deleted\",\"signature\":\"{Deliveries.Sign(6, Key)}\"}}}}").Accepted);
            Assert.True(Evaluate(PplEndpoint, $"{{\"id\":7,\"event\":\"lead.deleted\",\"signature\":\"{Deliveries.Sign(7, Key)}\"}}").Accepted);
        }

        [Fact]
        public void Forged_unsigned_and_replayed_with_another_id_are_401()
        {
            var forged = Evaluate(PplEndpoint, Deliveries.Ppl(984, "not-the-key"));
            Assert.Equal(401, forged.Status);
            Assert.Contains("signature does not match", forged.Reason);
            var unsigned = Evaluate(PplEndpoint, Deliveries.Ppl(984, null));
            Assert.Equal(401, unsigned.Status);
            Assert.Contains("no signature", unsigned.Reason);
            // A real signature moved onto another event id.
            var moved = Evaluate(PplEndpoint, Deliveries.Ppl(985, null, signature: Deliveries.Sign(984, Key)));
            Assert.Equal(401, moved.Status);
            Assert.Equal(401, Evaluate(PplEndpoint, Deliveries.Ppl(984, null, signature: "")).Status);
            Assert.DoesNotContain(Key, forged.Reason + unsigned.Reason + moved.Reason);
        }

        [Fact]
        public void Bodies_that_are_not_events_are_400()
        {
            Assert.Equal(400, Evaluate(PplEndpoint, "not json").Status);
            Assert.Equal(400, Evaluate(PplEndpoint, "[1,2]").Status);
            Assert.Equal(400, Evaluate(PplEndpoint, $"{{\"webhook_event\":{{\"event\":\"x\",\"signature\":\"{Deliveries.Sign(1, Key)}\"}}}}").Status);
            Assert.Equal(400, Evaluate(WebhookEndpoint.Userlike(null), "\"text\"").Status);
        }

        [Fact]
        public void Lime_Go_ids_come_from_id_or_position_else_the_body_hash()
        {
            var lime = WebhookEndpoint.LimeGo(null);
            var byId = Evaluate(lime, "{\"id\":\"abc\",\"eventType\":\"DealWon\"}");
            Assert.Equal("limego:abc", byId.SpoolId);
            Assert.Equal("DealWon", byId.EventName);
            Assert.Equal("limego:12", Evaluate(lime, "{\"position\":12,\"eventType\":\"DealLost\"}").SpoolId);
            var hashed = Evaluate(lime, "{\"eventType\":\"MeetingBooked\"}");
            Assert.StartsWith("limego:sha256:", hashed.SpoolId);
            Assert.Equal(hashed.SpoolId, Evaluate(lime, "{\"eventType\":\"MeetingBooked\"}").SpoolId);
        }

        [Fact]
        public void Userlike_events_of_one_session_are_told_apart_by_their_body()
        {
            var ul = WebhookEndpoint.Userlike(null);
            var start = Evaluate(ul, "{\"_type\":\"chat_session\",\"_event\":\"start\",\"id\":12}");
            var end = Evaluate(ul, "{\"_type\":\"chat_session\",\"_event\":\"end\",\"id\":12}");
            Assert.Equal("chat_session.start", start.EventName);
            Assert.Equal("12", start.Metadata["objectId"]);
            Assert.NotEqual(start.SpoolId, end.SpoolId);
            Assert.Equal(start.SpoolId, Evaluate(ul, "{\"_type\":\"chat_session\",\"_event\":\"start\",\"id\":12}").SpoolId);
        }

        [Theory]
        [InlineData("application/json", true)]
        [InlineData("application/json; charset=utf-8", true)]
        [InlineData("Application/JSON", true)]
        [InlineData("text/json", true)]
        [InlineData("application/vnd.limego+json", true)]
        [InlineData("text/plain", false)]
        [InlineData("application/x-www-form-urlencoded", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void Only_json_content_types_pass(string? contentType, bool json) => Assert.Equal(json, WebhookIntake.IsJson(contentType));

        [Theory]
        [InlineData("http://127.0.0.1:8080/hooks/", true)]
        [InlineData("http://localhost:8080/", true)]
        [InlineData("http://[::1]:8080/hooks/", true)]
        [InlineData("http://0.0.0.0:8080/hooks/", false)]
        [InlineData("http://+:8080/hooks/", false)]
        [InlineData("http://*:8080/", false)]
        [InlineData("http://hooks.example.com:8080/", false)]
        public void Loopback_prefixes_are_told_from_the_others(string prefix, bool loopback) =>
            Assert.Equal(loopback, ListenerPrefix.Parse(prefix).IsLoopback);

        [Theory]
        [InlineData("http://0.0.0.0:0/hooks/")]
        [InlineData("http://+:0/hooks/")]
        [InlineData("http://hooks.example.com:8080/")]
        public void Plain_http_off_loopback_is_refused_without_AllowInsecure(string prefix)
        {
            var options = new WebhookListenerOptions { SpoolPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "never-" + Guid.NewGuid()) };
            options.Prefixes.Add(prefix);
            options.Endpoints.Add(WebhookEndpoint.LimeGo(null));
            var ex = Assert.Throws<CrmValidationException>(() => WebhookListener.Start(options));
            Assert.Equal("Prefix", ex.ParameterName);
            Assert.Contains("-AllowInsecure", ex.Message);
            Assert.False(System.IO.Directory.Exists(options.SpoolPath), "nothing is created before the prefixes pass");
        }

        [Fact]
        public void Bad_prefixes_and_paths_are_refused()
        {
            Assert.Throws<CrmValidationException>(() => ListenerPrefix.Parse("ftp://127.0.0.1/"));
            Assert.Throws<CrmValidationException>(() => ListenerPrefix.Parse("127.0.0.1:8080"));
            Assert.Equal("/hooks/", ListenerPrefix.Parse("http://127.0.0.1:8080/hooks").Path);
            Assert.Throws<CrmValidationException>(() => WebhookEndpoint.LimeGo("a b"));
            Assert.Equal("x/y", WebhookEndpoint.LimeGo("/x/y/").Path);
        }
    }
}
