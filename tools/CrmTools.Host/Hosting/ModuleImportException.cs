using System;

namespace CrmTools.Hosting
{
    /// <summary>Import-Module failed; the message carries PowerShell's own error text.</summary>
    public sealed class ModuleImportException : Exception
    {
        public ModuleImportException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
