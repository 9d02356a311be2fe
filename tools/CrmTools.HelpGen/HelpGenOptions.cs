using System;
using System.Collections.Generic;
using System.IO;

namespace CrmTools.HelpGen
{
    /// <summary>--module &lt;psd1&gt; --docs &lt;dir&gt; --out &lt;file&gt;, all three required.</summary>
    internal sealed class HelpGenOptions
    {
        public const string Usage =
            "Usage: CrmTools.HelpGen --module <CrmTools.psd1> --docs <module/help/en-US> --out <module dir>/en-US/CrmTools.dll-Help.xml";

        private HelpGenOptions(string module, string docs, string output)
        {
            ModuleManifest = module; DocsDirectory = docs; OutputFile = output;
        }

        public string ModuleManifest { get; }
        public string DocsDirectory { get; }
        public string OutputFile { get; }

        /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
        public static HelpGenOptions Parse(IReadOnlyList<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < args.Count; i++)
            {
                if (args[i] != "--module" && args[i] != "--docs" && args[i] != "--out")
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
                if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value.");
                values[args[i]] = Path.GetFullPath(args[++i]);
            }
            foreach (string required in new[] { "--module", "--docs", "--out" })
                if (!values.ContainsKey(required)) throw new ArgumentException($"{required} is required.");
            if (!File.Exists(values["--module"])) throw new ArgumentException($"Module manifest '{values["--module"]}' does not exist.");
            if (!Directory.Exists(values["--docs"])) throw new ArgumentException($"Docs folder '{values["--docs"]}' does not exist.");
            return new HelpGenOptions(values["--module"], values["--docs"], values["--out"]);
        }
    }
}
