using CrmTools.Engine.Http;
using Xunit;

namespace CrmTools.Tests.Unit
{
    public class ServiceErrorBodyTests
    {
        [Theory]
        [InlineData("{\"error\":401,\"message\":\"Unauthorized: api key invalid\",\"type\":\"unauthorized_invalid_token\"}", "Unauthorized: api key invalid", "unauthorized_invalid_token")]
        [InlineData("{\"message\":\"Entry not found\"}", "Entry not found", null)]
        [InlineData("{\"error\":\"Too many requests\"}", "Too many requests", null)]
        [InlineData("{\"message\":\"Validation error\",\"code\":245,\"errors\":{\"email\":{\"message\":\"bad\"}}}", "Validation error", "245")]
        [InlineData("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token expired\"}", "Refresh token expired", "invalid_grant")]
        [InlineData("{\"errors\":[{\"message\":\"Cannot query field x\"}]}", "Cannot query field x", null)]
        [InlineData("Too many requests", "Too many requests", null)]
        [InlineData("<html><body>502</body></html>", null, null)]
        [InlineData("", null, null)]
        public void Reads_every_error_shape(string body, string? message, string? code)
        {
            var (m, c) = ServiceErrorBody.Parse(body);
            Assert.Equal(message, m);
            Assert.Equal(code, c);
        }
    }
}
