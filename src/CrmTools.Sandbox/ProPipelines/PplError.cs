using System;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// A documented API failure. Thrown by endpoint code and turned into the error body
    /// <c>{"error": status, "message": ..., "type": ...}</c> by <see cref="PplService"/>.
    /// </summary>
    internal sealed class PplError : Exception
    {
        public PplError(int status, string message, string type) : base(message)
        {
            Status = status;
            Type = type;
        }

        public int Status { get; }
        public string Type { get; }

        public static PplError NotFound() => new PplError(404, "Entry not found", "not_found");
        public static PplError BadParameter(string message) => new PplError(400, message, "bad_parameter_format");
        public static PplError NotRecognized(string name) => BadParameter("Parameter [" + name + "] not recognized.");
        public static PplError BadDate(string name) => BadParameter("The date " + name + " is not formatted properly");
        public static PplError Missing(string name) => new PplError(422, "Missing required parameter: " + name, "missing_parameter");
        public static PplError MissingToken() => new PplError(401, "Unauthorized: api key missing", "unauthorized_missing_token");
        public static PplError InvalidToken() => new PplError(401, "Unauthorized: api key invalid", "unauthorized_invalid_token");
        public static PplError ApiKeyOnly() => new PplError(401,
            "Unauthorized: you cannot use this action with a USER token. You have to use the API key method to authenticate.", "unauthorized_user_token");
        public static PplError NotAdmin() => new PplError(401, "Unauthorized: the user has not the privileges to do this action.", "unauthorized_non_admin");
        public static PplError BadLogin() => new PplError(401, "Invalid login or password", "unauthorized_invalid_login");
        public static PplError TooManyRequests() => new PplError(429, "Too many requests", "too_many_requests");
        public static PplError AlreadyExists(string message) => new PplError(409, message, "already_exist");
    }
}
