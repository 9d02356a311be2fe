namespace CrmTools.Sandbox
{
    /// <summary>A user of the emulated ProPipelines account, with the password to log in with.</summary>
    public sealed class PplSandboxUser
    {
        internal PplSandboxUser() { }

        public int Id { get; internal set; }
        public string Email { get; internal set; } = "";
        /// <summary>Password for HTTP Basic on /auth/login.</summary>
        public string Password { get; internal set; } = "";
        public string FirstName { get; internal set; } = "";
        public string LastName { get; internal set; } = "";
        public bool IsAdmin { get; internal set; }
        public string Phone { get; internal set; } = "";
        public string MobilePhone { get; internal set; } = "";
        public string JobTitle { get; internal set; } = "";
        /// <summary>False for a user who never activated the account (cannot log in).</summary>
        public bool HasActivated { get; internal set; }
        /// <summary>True for a disabled (deleted) user (cannot log in).</summary>
        public bool IsDisabled { get; internal set; }
        /// <summary>Id of the first team the user belongs to, if any.</summary>
        public int? TeamId { get; internal set; }

        public override string ToString() => $"{FirstName} {LastName} <{Email}> ({Id})";
    }
}
