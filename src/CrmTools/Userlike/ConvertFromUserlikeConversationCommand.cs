using System;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Userlike;

namespace CrmTools.Userlike
{
    /// <summary>
    /// ConvertFrom-UserlikeConversation: reads Userlike conversation payloads (files, JSON text, objects) into typed
    /// conversations. Input that is not a readable conversation is a non-terminating error naming the file or item.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "UserlikeConversation", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(UserlikeConversation))]
    public sealed class ConvertFromUserlikeConversationCommand : CrmCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private UserlikeInput? _input;

        /// <summary>JSON text, an object from ConvertFrom-Json or a hashtable, a file from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [AllowNull]
        [AllowEmptyString]
        public PSObject? InputObject { get; set; }

        /// <summary>Files or folders (of .json files); wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Files or folders, taken exactly as written.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        protected override void BeginProcessing() => _input = new UserlikeInput(this);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var result in _input!.Read(InputObject)) Write(result, InputObject);
                return;
            }
            foreach (var file in _input!.ResolveFiles(ParameterSetName == PathSet ? Path : LiteralPath, literal: ParameterSetName == LiteralPathSet))
            {
                foreach (var result in _input.ReadFile(file)) Write(result, file);
            }
        }

        private void Write(UserlikeReadResult result, object? target)
        {
            if (result.Conversation != null) WriteObject(result.Conversation);
            else WriteError(UserlikeInput.ErrorFor(result.Error!, target));
        }
    }
}
