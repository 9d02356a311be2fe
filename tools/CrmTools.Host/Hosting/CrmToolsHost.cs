using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace CrmTools.Hosting
{
    /// <summary>
    /// The PSHost given to the runspace: what the engine talks to for anything a user sees or types
    /// (format views through Out-Default, Write-Host, prompts such as -Confirm, $Host in scripts).
    /// </summary>
    public sealed class CrmToolsHost : PSHost
    {
        private readonly CrmToolsHostUserInterface _ui;
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CrmToolsHost(HostIO io)
        {
            IO = io ?? throw new ArgumentNullException(nameof(io));
            _ui = new CrmToolsHostUserInterface(io);
        }

        /// <summary>Where this host writes and reads.</summary>
        public HostIO IO { get; }

        public override string Name => "CrmTools.Host";

        public override Version Version { get; } = typeof(CrmToolsHost).Assembly.GetName().Version ?? new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => _culture;

        public override CultureInfo CurrentUICulture => _uiCulture;

        /// <summary>True once a top-level <c>exit</c> asked the host to end.</summary>
        public bool ShouldExit { get; private set; }

        /// <summary>The code passed to <c>exit</c>; meaningful when <see cref="ShouldExit"/>.</summary>
        public int ExitCode { get; private set; }

        public override void SetShouldExit(int exitCode)
        {
            ShouldExit = true;
            ExitCode = exitCode;
        }

        // A script host has no interactive prompt to nest into (Suspend-, debugger prompts).
        public override void EnterNestedPrompt() =>
            throw new HostException("Nested prompts are not supported by this host.", null, "NestedPromptNotSupported",
                System.Management.Automation.ErrorCategory.NotImplemented);

        public override void ExitNestedPrompt() =>
            throw new HostException("Nested prompts are not supported by this host.", null, "NestedPromptNotSupported",
                System.Management.Automation.ErrorCategory.NotImplemented);

        public override void NotifyBeginApplication() { }

        public override void NotifyEndApplication() { }
    }
}
