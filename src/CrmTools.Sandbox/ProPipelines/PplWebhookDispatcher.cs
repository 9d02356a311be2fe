namespace CrmTools.Sandbox.ProPipelines
{
    internal sealed class PplWebhookDispatcher
    {
        private readonly PplState _state;
        public PplWebhookDispatcher(PplState state) => _state = state;
        public void Deliver(PplWebhookEvent ev) { }
    }
}
