using System.Management.Automation;
using System.Text;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Renders an ErrorRecord the way PowerShell's NormalView does: the message (prefixed with the failing
    /// command), where in the script it happened, the category and the FullyQualifiedErrorId. The last two
    /// are what a user searches for and what a script's catch blocks match on, so they are always shown.
    /// </summary>
    public static class ErrorRecordFormatter
    {
        public static string Format(ErrorRecord error)
        {
            var text = new StringBuilder();
            string? command = CommandName(error);
            string message = error.ErrorDetails?.Message ?? error.Exception?.Message ?? error.ToString();
            text.AppendLine(command != null ? command + " : " + message : message);

            // A parse error's message already is the position and the complaint.
            string? position = error.InvocationInfo?.PositionMessage;
            if (!string.IsNullOrEmpty(position) && !(error.Exception is ParseException)) text.AppendLine(position);

            text.AppendLine("+ CategoryInfo          : " + error.CategoryInfo);
            text.Append("+ FullyQualifiedErrorId : " + error.FullyQualifiedErrorId);
            return text.ToString();
        }

        // Errors raised by a cmdlet or function name it; errors thrown by the script itself do not.
        private static string? CommandName(ErrorRecord error)
        {
            var command = error.InvocationInfo?.MyCommand;
            if (command == null) return null;
            return command.CommandType == CommandTypes.Cmdlet || command.CommandType == CommandTypes.Function
                ? command.Name
                : null;
        }
    }
}
