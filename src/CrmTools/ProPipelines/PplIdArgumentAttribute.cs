using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// For text parameters that take an id, name or e-mail (users, teams, steps): a record given
    /// whole or piped in (a user, a team) means its id, not its display text. Without this,
    /// PowerShell would bind a piped user to a string parameter through ToString(), i.e. its name.
    /// The first of <see cref="PropertyNames"/> the object has wins (e.g. UserId before Id, so a
    /// lead means its owner, and an unassigned lead means no one).
    /// </summary>
    internal sealed class PplIdArgumentAttribute : ArgumentTransformationAttribute
    {
        public PplIdArgumentAttribute(params string[] propertyNames) => PropertyNames = propertyNames;

        public string[] PropertyNames { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is IList list && !(value is string)) return list.Cast<object?>().Select(One).ToArray();
            return One(inputData);
        }

        private object? One(object? item)
        {
            var value = item is PSObject pso ? pso.BaseObject : item;
            if (value == null || value is string || value.GetType().IsPrimitive || value is decimal) return item;
            var wrapped = item as PSObject ?? PSObject.AsPSObject(value);
            foreach (var name in PropertyNames)
            {
                // A property that is there but empty (an unassigned lead's UserId) stays empty: binding then says so.
                var property = wrapped.Properties[name];
                if (property != null) return property.Value;
            }
            return item;
        }
    }
}
