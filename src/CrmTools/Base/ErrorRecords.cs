using System;
using System.Management.Automation;
using CrmTools.Engine.Errors;

namespace CrmTools.Base
{
    /// <summary>
    /// Turns engine failures into ErrorRecords with a stable ErrorId, the right category, the
    /// input as target object and the service's own message.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            if (exception is CrmException crm) return FromCrm(crm, target);
            if (exception is ArgumentException arg)
            {
                return new ErrorRecord(arg, "Crm.InvalidArgument", ErrorCategory.InvalidArgument, target);
            }
            return new ErrorRecord(exception, "Crm.UnexpectedError", ErrorCategory.NotSpecified, target);
        }

        public static ErrorRecord NotConnected(string service, string displayService, string connectCommand) =>
            new ErrorRecord(
                new InvalidOperationException($"There is no {displayService} connection in this session. Run {connectCommand} first, or pass -Connection."),
                "Crm.NotConnected", ErrorCategory.ConnectionError, service)
            {
                ErrorDetails = new ErrorDetails($"There is no {displayService} connection in this session. Run {connectCommand} first, or pass -Connection.")
                {
                    RecommendedAction = $"Run {connectCommand}.",
                },
            };

        private static ErrorRecord FromCrm(CrmException e, object? target)
        {
            var (suffix, category) = Classify(e);
            var prefix = e.Kind == CrmErrorKind.RateLimited || e.Kind == CrmErrorKind.Timeout || e.Kind == CrmErrorKind.ConnectionFailed ? "Crm" : e.Service;
            var errorId = prefix + "." + (e.ErrorId ?? suffix);
            var record = new ErrorRecord(e, errorId, category, target);
            var action = RecommendedAction(e);
            record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = action };
            return record;
        }

        private static (string Suffix, ErrorCategory Category) Classify(CrmException e)
        {
            var status = (e as CrmApiException)?.StatusCode;
            switch (e.Kind)
            {
                case CrmErrorKind.Validation: return ("InvalidArgument", ErrorCategory.InvalidArgument);
                case CrmErrorKind.InvalidRequest: return ("InvalidRequest", status == 422 ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument);
                case CrmErrorKind.Conflict: return ("Conflict", ErrorCategory.InvalidData);
                case CrmErrorKind.Unauthorized: return ("Unauthorized", ErrorCategory.AuthenticationError);
                case CrmErrorKind.Forbidden: return ("Forbidden", ErrorCategory.PermissionDenied);
                case CrmErrorKind.NotFound: return ((e.Resource ?? "Object") + "NotFound", ErrorCategory.ObjectNotFound);
                case CrmErrorKind.RateLimited: return ("RateLimited", ErrorCategory.LimitsExceeded);
                case CrmErrorKind.QuotaExceeded: return (status == 402 ? "AccountSuspended" : "QuotaExceeded", ErrorCategory.QuotaExceeded);
                case CrmErrorKind.ServerError: return ("ServerError", ErrorCategory.ConnectionError);
                case CrmErrorKind.Timeout: return ("Timeout", ErrorCategory.OperationTimeout);
                case CrmErrorKind.ConnectionFailed: return ("ConnectionFailed", ErrorCategory.ConnectionError);
                case CrmErrorKind.Protocol: return ("InvalidResponse", ErrorCategory.InvalidResult);
                default: return ("HttpError", ErrorCategory.NotSpecified);
            }
        }

        private static string? RecommendedAction(CrmException e) => e.Kind switch
        {
            CrmErrorKind.Unauthorized => "Check the credentials, or connect again.",
            CrmErrorKind.Forbidden => "Use an account with the rights for this action.",
            CrmErrorKind.RateLimited => "Wait a moment and run the command again, or lower -ThrottleLimit.",
            CrmErrorKind.QuotaExceeded => "The account's quota is used up; run the command again after it resets.",
            CrmErrorKind.Timeout => "Check the network, or raise the connection's timeout.",
            CrmErrorKind.ConnectionFailed => "Check the address, the network and the proxy settings.",
            CrmErrorKind.Validation => "Correct the input and run the command again.",
            _ => null,
        };
    }
}
