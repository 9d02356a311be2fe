using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplCategory: the categories of predefined tags.</summary>
    [Cmdlet(VerbsCommon.Get, "PplCategory")]
    [OutputType(typeof(PplCategory))]
    public sealed class GetPplCategoryCommand : PplCmdlet
    {
        /// <summary>Include each category's predefined tags (in Tags).</summary>
        [Parameter]
        [Alias("IncludeTags")]
        public SwitchParameter IncludeTag { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(null, ct => connection.AccountSettings.ListCategoriesAsync(IncludeTag, ct), out var categories)) WriteAll(categories);
        }
    }
}
