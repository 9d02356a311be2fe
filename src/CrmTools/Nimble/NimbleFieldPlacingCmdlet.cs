using System;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;

namespace CrmTools.Nimble
{
    /// <summary>Base of the commands that add or move a member: -After (name or id) or -AtStart; new members go last by default.</summary>
    public abstract class NimbleFieldPlacingCmdlet : NimbleFieldCmdlet
    {
        /// <summary>Name or id of the member the new or moved one follows.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Put it first.</summary>
        [Parameter]
        public SwitchParameter AtStart { get; set; }

        /// <summary>For a new member: after -After, first with -AtStart, else after <paramref name="last"/> (the container's last member).</summary>
        protected string? InsertAfterForNew(Func<string, string> resolve, string? last)
        {
            CheckPlacement();
            return AtStart ? null : After != null ? resolve(After) : last;
        }

        /// <summary>For a change: moved only when -After or -AtStart is given.</summary>
        protected NimbleOptionalId InsertAfterForChange(Func<string, string> resolve)
        {
            CheckPlacement();
            return AtStart ? NimbleOptionalId.Null : After != null ? NimbleOptionalId.Of(resolve(After)) : NimbleOptionalId.Unset;
        }

        /// <summary>For a move into another group or tab: where -After or -AtStart says, else after <paramref name="last"/> (the new container's last member).</summary>
        protected NimbleOptionalId InsertAfterForMove(Func<string, string> resolve, bool moved, string? last)
        {
            var given = InsertAfterForChange(resolve);
            if (given.IsSet || !moved) return given;
            return last == null ? NimbleOptionalId.Null : NimbleOptionalId.Of(last);
        }

        private void CheckPlacement()
        {
            if (AtStart && After != null) throw new CrmValidationException("Nimble", "AtStart", "Give -After or -AtStart, not both.");
        }
    }
}
