using System.Management.Automation;
using CrmTools.Engine.Connections;

namespace CrmTools.Base
{
    /// <summary>
    /// A cmdlet that talks to one service: adds -Connection and resolves it, falling back to the
    /// session's default connection for the service.
    /// </summary>
    public abstract class CrmConnectedCmdlet<TConnection> : CrmCmdlet where TConnection : CrmConnection
    {
        private TConnection? _resolved;

        /// <summary>The connection to use instead of the session default (from Connect-* -PassThru or Get-CrmConnection).</summary>
        [Parameter]
        [ValidateNotNull]
        public TConnection? Connection { get; set; }

        /// <summary>The service prefix (Ppl, Nimble, ...).</summary>
        protected abstract string ServicePrefix { get; }

        /// <summary>The service's product name, for messages.</summary>
        protected abstract string ServiceName { get; }

        /// <summary>The connection this invocation uses; a terminating error when there is none.</summary>
        protected TConnection ActiveConnection
        {
            get
            {
                if (_resolved != null) return _resolved;
                var connection = Connection ?? ConnectionRegistry.GetDefault(ServicePrefix, SessionId) as TConnection;
                if (connection == null || connection.IsDisposed)
                {
                    ThrowTerminatingError(ErrorRecords.NotConnected(ServicePrefix, ServiceName, "Connect-" + ServicePrefix));
                }
                return _resolved = connection!;
            }
        }

        /// <summary>
        /// The body of every Disconnect-* command: asks, runs the service's own sign-out if it has one, then forgets
        /// and disposes the connection whatever the sign-out did.
        /// </summary>
        protected void Disconnect(string action, System.Action<TConnection>? signOut = null)
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(connection.ToString(), action)) return;
            try
            {
                signOut?.Invoke(connection);
            }
            finally
            {
                ConnectionRegistry.Remove(connection);
                connection.Dispose();
            }
        }
    }
}
