using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Nimble.Fields;

namespace CrmTools.Nimble
{
    /// <summary>Base of the Remove-Nimble*Field* commands: ConfirmImpact High, -Force skips the prompt, each failure is an error for its item.</summary>
    public abstract class NimbleFieldRemoveCmdlet : NimbleFieldCmdlet
    {
        /// <summary>Delete without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Whether stored values go too (the subclasses that have -DeleteValues say so).</summary>
        protected virtual bool DeletesValues => false;

        protected void Remove(object target, string description, Func<CancellationToken, Task> delete)
        {
            var action = DeletesValues ? "Delete, with every value stored in it" : "Delete";
            if (!ShouldProcessOrForce(Force, description, action)) return;
            if (TryRun(target, delete)) Changed();
        }


        /// <summary>Finds each field or group of a pipeline by name or id and deletes it.</summary>
        protected void RemovePipelineItems(string pipeline, string[] keys, Func<NimblePipelineFieldLayout, string, string, (string? Name, string? Id)> find,
            Func<NimblePipelineFieldsApi, string, string, CancellationToken, Task> delete)
        {
            var api = ActiveConnection.PipelineFields;
            if (!TryPipeline(pipeline, out var p)) return;
            var pipelineId = p.PipelineId!;
            foreach (var key in keys)
            {
                if (!TryPipelineLayout(key, out var layout)) return;
                (string? Name, string? Id) found = default;
                if (!TryInvoke(key, () => found = find(layout, pipelineId, key))) continue;
                var id = found.Id!;
                Remove(key, $"{p.Name} / {found.Name} ({id})", ct => delete(api, pipelineId, id, ct));
            }
        }

        protected static (string? Name, string? Id) Pick<T>(T item, Func<T, string?> name, Func<T, string?> id) => (name(item), id(item));
    }
}
