namespace CrmTools.Engine.Errors
{
    /// <summary>What went wrong, independent of the service. The cmdlet base maps each kind to an ErrorCategory.</summary>
    public enum CrmErrorKind
    {
        /// <summary>The request was rejected as malformed or invalid (400, 422).</summary>
        InvalidRequest,
        /// <summary>The request conflicts with existing data (409).</summary>
        Conflict,
        /// <summary>Credentials missing, invalid or expired (401).</summary>
        Unauthorized,
        /// <summary>Authenticated but not allowed (403).</summary>
        Forbidden,
        /// <summary>The object does not exist (404).</summary>
        NotFound,
        /// <summary>Too many requests right now (429 with a near retry time); retries were exhausted.</summary>
        RateLimited,
        /// <summary>An account quota is used up (daily quota, 402 suspended account).</summary>
        QuotaExceeded,
        /// <summary>The service failed (5xx).</summary>
        ServerError,
        /// <summary>The request timed out.</summary>
        Timeout,
        /// <summary>The service could not be reached or dropped the connection.</summary>
        ConnectionFailed,
        /// <summary>Input was rejected by the module before any request was sent.</summary>
        Validation,
        /// <summary>The service answered something the module could not understand.</summary>
        Protocol,
        /// <summary>Any other failure status.</summary>
        Other,
    }
}
