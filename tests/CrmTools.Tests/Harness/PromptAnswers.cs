using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace CrmTools.Tests.Harness
{
    /// <summary>
    /// The host's keyboard in tests: lines queued by <see cref="PsSession.Answer"/> are read one per prompt;
    /// when none is left the read returns null and the prompt fails, as pwsh -NonInteractive would.
    /// </summary>
    internal sealed class PromptAnswers : TextReader
    {
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();

        public void Enqueue(IEnumerable<string> lines)
        {
            foreach (string line in lines) _lines.Enqueue(line);
        }

        public void Clear()
        {
            while (_lines.TryDequeue(out _)) { }
        }

        public override string? ReadLine() => _lines.TryDequeue(out string? line) ? line : null;
    }
}
