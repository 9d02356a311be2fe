using System;
using CrmTools.Host;

// Entry point: parse, then either serve the sandbox or run a script. Usage errors exit with 2.
try
{
    var options = HostCommandLine.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(HostCommandLine.Usage);
        return 0;
    }
    return options.Sandbox ? SandboxRunner.Run(options) : ScriptRunner.Run(options);
}
catch (StartupException ex)
{
    Console.Error.WriteLine(ex.Message);
    if (ex.ShowUsage) Console.Error.WriteLine(Environment.NewLine + HostCommandLine.Usage);
    return 2;
}
