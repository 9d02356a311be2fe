using System;
using System.Collections.Generic;
using CrmTools.HelpGen;
using CrmTools.Hosting;

// Exit codes: 0 help written and read back; 1 the docs or the help have problems (listed); 2 bad arguments.
HelpGenOptions options;
try
{
    options = HelpGenOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"CrmTools.HelpGen: {ex.Message}{Environment.NewLine}{HelpGenOptions.Usage}");
    return 2;
}

List<string> problems;
try
{
    problems = HelpGenerator.Run(options);
}
catch (ModuleImportException ex)
{
    problems = new List<string> { ex.Message };
}

if (problems.Count == 0) return 0;
foreach (string problem in problems) Console.Error.WriteLine($"CrmTools.HelpGen: error: {problem}");
Console.Error.WriteLine($"CrmTools.HelpGen: {problems.Count} problem(s); help not written. See module/help/README.md.");
return 1;
