using System;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>A failure answered as {"error": code, "message": text} (Lime CRM's error body is not documented; this is the sandbox's choice).</summary>
    internal sealed class LimeCrmError : Exception
    {
        public LimeCrmError(int status, string code, string message) : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }
        public string Code { get; }

        public static LimeCrmError NotFound(string message) => new LimeCrmError(404, "not_found", message);
        public static LimeCrmError BadRequest(string message) => new LimeCrmError(400, "bad_request", message);
    }
}
