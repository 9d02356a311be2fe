using System;

namespace CrmTools.Engine.Errors
{
    /// <summary>Base of every failure the engine reports. Messages never contain secrets.</summary>
    public class CrmException : Exception
    {
        public CrmException(string service, CrmErrorKind kind, string message, Exception? inner = null)
            : base(Diagnostics.Redactor.Scrub(message), inner)
        {
            Service = service;
            Kind = kind;
        }

        /// <summary>The service prefix: Ppl, Nimble, LimeGo, LimeCrm, Userlike or Crm.</summary>
        public string Service { get; }

        public CrmErrorKind Kind { get; }

        /// <summary>What the failing request was about (e.g. "Lead"); used for ErrorIds such as Ppl.LeadNotFound.</summary>
        public string? Resource { get; set; }

        /// <summary>A stable ErrorId suffix chosen by the engine (overrides the kind-based default).</summary>
        public string? ErrorId { get; set; }
    }

    /// <summary>Bad input found before anything was sent.</summary>
    public sealed class CrmValidationException : CrmException
    {
        public CrmValidationException(string service, string parameterName, string message)
            : base(service, CrmErrorKind.Validation, message)
        {
            ParameterName = parameterName;
        }

        public string ParameterName { get; }
    }
}
