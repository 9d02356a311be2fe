using System;
using CrmTools.Engine.Diagnostics;
using Xunit;

namespace CrmTools.Tests.Unit
{
    public class RedactorTests
    {
        [Theory]
        [InlineData("https://api.lime-go.com/v1/event/feed/?peek=false&apikey=0f8fad5b-d9cb-469f-a165-70867728950e", "apikey=***")]
        [InlineData("https://app.nimble.com/api/v1/contacts?access_token=abcdef123456&page=2", "access_token=***")]
        [InlineData("https://x/api/oauth/token?client_secret=s3cr3t-value&code=xyz123", "client_secret=***")]
        public void Sensitive_query_values_are_masked(string url, string expected)
        {
            var redacted = Redactor.RedactUrl(url);
            Assert.Contains(expected, redacted);
            Assert.DoesNotContain("0f8fad5b", redacted);
            Assert.DoesNotContain("abcdef123456", redacted);
            Assert.DoesNotContain("s3cr3t-value", redacted);
        }

        [Fact]
        public void Other_query_values_are_kept() =>
            Assert.Equal("https://x/leads?status=todo&limit=100", Redactor.RedactUrl("https://x/leads?status=todo&limit=100"));

        [Fact]
        public void User_info_in_a_url_is_masked() =>
            Assert.Equal("https://***@acme.example/api", Redactor.RedactUrl("https://me%40x.com:pa55word@acme.example/api"));

        [Theory]
        [InlineData("X-API-KEY", "91Jy7XxreymBRMASfTF8", "***")]
        [InlineData("X-USER-TOKEN", "ITd-Jb3EC_nCXI2fez4hhg", "***")]
        [InlineData("Authorization", "Bearer eyJhbGciOi.abc.def", "Bearer ***")]
        [InlineData("Authorization", "go-api:0f8fad5b-d9cb-469f", "go-api:***")]
        [InlineData("x-api-key", "limecrm-key-123456", "***")]
        [InlineData("Content-Type", "application/json", "application/json")]
        public void Sensitive_headers_are_masked_keeping_the_scheme(string name, string value, string expected) =>
            Assert.Equal(expected, Redactor.RedactHeader(name, value));

        [Fact]
        public void Json_bodies_lose_token_and_password_values()
        {
            var body = "{\"access_token\":\"tok-123456789\",\"refresh_token\":\"ref-987654321\",\"expires_in\":599,\"password\":\"hunter2!\",\"name\":\"Acme\"}";
            var redacted = Redactor.RedactBody(body);
            Assert.DoesNotContain("tok-123456789", redacted);
            Assert.DoesNotContain("ref-987654321", redacted);
            Assert.DoesNotContain("hunter2!", redacted);
            Assert.Contains("\"name\":\"Acme\"", redacted);
            Assert.Contains("\"expires_in\":599", redacted);
        }

        [Fact]
        public void Form_bodies_lose_secret_values()
        {
            var redacted = Redactor.RedactBody("grant_type=refresh_token&refresh_token=abc123xyz789&client_id=app&client_secret=shh-secret-1");
            Assert.DoesNotContain("abc123xyz789", redacted);
            Assert.DoesNotContain("shh-secret-1", redacted);
            Assert.Contains("client_id=app", redacted);
            Assert.Contains("grant_type=refresh_token", redacted);
        }

        [Fact]
        public void Any_registered_secret_is_scrubbed_from_free_text()
        {
            var secret = new Secret("unique-secret-" + Guid.NewGuid().ToString("N"));
            var text = $"failed with key {secret.Reveal()} and encoded {Uri.EscapeDataString(secret.Reveal() + "/")}";
            var scrubbed = Redactor.Scrub(text);
            Assert.DoesNotContain(secret.Reveal(), scrubbed);
            Assert.Equal("********", secret.ToString());
        }
    }
}
