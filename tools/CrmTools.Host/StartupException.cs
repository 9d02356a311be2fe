using System;

namespace CrmTools.Host
{
    /// <summary>The host cannot start as asked (bad arguments, a missing file): exit code 2, nothing run.</summary>
    internal sealed class StartupException : Exception
    {
        public StartupException(string message, bool showUsage = false) : base(message) => ShowUsage = showUsage;

        /// <summary>The command line itself was wrong, so the usage text helps.</summary>
        public bool ShowUsage { get; }
    }
}
