using System;
using System.Threading;
using CrmTools.Sandbox;

namespace CrmTools.Host
{
    /// <summary>--sandbox: serves the CRM emulator on its own (for trying the module by hand) until Ctrl+C.</summary>
    internal static class SandboxRunner
    {
        public static int Run(HostCommandLine options)
        {
            using var stopped = new ManualResetEventSlim();
            ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; stopped.Set(); };
            Console.CancelKeyPress += onCtrlC;
            try
            {
                using var sandbox = CrmSandbox.Start(new SandboxOptions { Port = options.Port });
                Describe(sandbox);
                Console.WriteLine();
                Console.WriteLine("Serving until Ctrl+C.");
                stopped.Wait();
                Console.WriteLine("Stopping.");
            }
            finally
            {
                Console.CancelKeyPress -= onCtrlC;
            }
            return ScriptRunner.Success;
        }

        private static void Describe(CrmSandbox sandbox)
        {
            Console.WriteLine($"CrmTools sandbox at {sandbox.BaseUri}");
            Console.WriteLine();
            Console.WriteLine("ProPipelines");
            Console.WriteLine($"  Account URI : {sandbox.Ppl.AccountUri}");
            Console.WriteLine($"  API key     : {sandbox.Ppl.ApiKey}");
            Console.WriteLine("  Users (email / password):");
            foreach (var user in sandbox.Ppl.Users)
            {
                string state = user.IsDisabled ? " (disabled)" : !user.HasActivated ? " (not activated)" : user.IsAdmin ? " (admin)" : "";
                Console.WriteLine($"    {user.Email} / {user.Password}{state}");
            }
        }
    }
}
