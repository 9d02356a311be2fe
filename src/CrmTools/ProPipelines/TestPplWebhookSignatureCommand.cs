using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Test-PplWebhookSignature: whether a webhook event really comes from the account: its
    /// signature must be SHA-1(event id + API key) in lowercase hex.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PplWebhookSignature", DefaultParameterSetName = BodySet)]
    [OutputType(typeof(bool))]
    public sealed class TestPplWebhookSignatureCommand : PplCmdlet
    {
        private const string BodySet = "Body";
        private const string EventSet = "Event";

        /// <summary>The request body as received (JSON).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = BodySet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string? Body { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EventSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long EventId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EventSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Signature { get; set; } = string.Empty;

        /// <summary>The API key the webhook was signed with; the connection's key by default.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        protected override void ProcessRecord()
        {
            long id;
            string? signature;
            if (ParameterSetName == BodySet)
            {
                Engine.ProPipelines.Models.PplWebhookEvent? parsed = null;
                if (!TryInvoke(Body, () => parsed = PplWebhooksApi.ParseEvent(Body!))) return;
                id = parsed!.Id;
                signature = parsed.Signature;
            }
            else
            {
                id = EventId;
                signature = Signature;
            }
            if (ApiKey != null)
            {
                var key = new NetworkCredential(string.Empty, ApiKey).Password;
                WriteObject(PplWebhookSignature.Verify(id, signature, key));
                return;
            }
            var connection = ActiveConnection;
            var valid = false;
            if (TryInvoke(id, () => valid = connection.Webhooks.VerifySignature(id, signature))) WriteObject(valid);
        }
    }
}
