using System;
using CrmTools.Sandbox.Hosting;
using CrmTools.Sandbox.LimeCrm;
using CrmTools.Sandbox.Nimble;
using CrmTools.Sandbox.LimeGo;
using CrmTools.Sandbox.ProPipelines;

namespace CrmTools.Sandbox
{
    /// <summary>
    /// A local emulator of the CRM services on http://127.0.0.1:&lt;port&gt;/. Each service lives
    /// under its own path: ProPipelines at <c>/ppl/</c> (Nimble, Lime Go and Lime CRM will follow
    /// at <c>/nimble/</c>, <c>/limego/</c>, <c>/limecrm/</c>).
    /// </summary>
    public sealed class CrmSandbox : IDisposable
    {
        private readonly ListenerHost _host;

        private CrmSandbox(SandboxOptions options)
        {
            Control = new SandboxControl(options.LatencyMs);
            var ppl = new PplService(options);
            var limeGo = new LimeGoService(options);
            var nimble = new NimbleService(options);
            var limeCrm = new LimeCrmService(options);
            _host = ListenerHost.Start(options.Port, Control, new ISandboxService[] { ppl, limeGo, nimble, limeCrm });
            BaseUri = _host.BaseUri;
            ppl.Attach(new Uri(BaseUri, ppl.Prefix + "/"));
            Ppl = ppl.Facade;
            limeCrm.Attach(new Uri(BaseUri, limeCrm.Prefix + "/"));
            LimeCrm = limeCrm.Facade;
            limeGo.Attach(new Uri(BaseUri, limeGo.Prefix + "/"));
            LimeGo = limeGo.Facade;
            nimble.Attach(new Uri(BaseUri, nimble.Prefix + "/"));
            Nimble = nimble.Facade;
        }

        /// <summary>Binds a local port and starts serving on background threads.</summary>
        public static CrmSandbox Start(SandboxOptions? options = null) => new CrmSandbox(options ?? new SandboxOptions());

        /// <summary>The root address, e.g. http://127.0.0.1:5123/.</summary>
        public Uri BaseUri { get; }

        /// <summary>Latency, faults and the request log, shared by every service.</summary>
        public SandboxControl Control { get; }

        /// <summary>The ProPipelines emulation and its state.</summary>
        public PplSandbox Ppl { get; }

        /// <summary>The Lime CRM emulation: application address, API key, its objects.</summary>
        public LimeCrmSandbox LimeCrm { get; }

        /// <summary>The Nimble emulation: address, OAuth client id/secret, tokens and the token-lifetime knob.</summary>
        public NimbleSandbox Nimble { get; }

        /// <summary>The Lime Go emulation: address, API keys, feed and subscription knobs.</summary>
        public LimeGoSandbox LimeGo { get; }

        /// <summary>Stops listening; requests in flight may be cut.</summary>
        public void Stop() => _host.Dispose();

        public void Dispose() => Stop();
    }
}
