using System.Management.Automation;
using CrmTools.Engine.Nimble.Fields;

namespace CrmTools.Nimble
{
    /// <summary>Base of the commands that create or change a field: how its values show (numbers and dates).</summary>
    public abstract class NimbleFieldShapeCmdlet : NimbleFieldPlacingCmdlet
    {
        /// <summary>Number fields: Integer, Decimal, Percentage or Financial.</summary>
        [Parameter]
        [ValidateSet("Integer", "Decimal", "Percentage", "Financial", IgnoreCase = true)]
        public string? NumberFormat { get; set; }

        /// <summary>Fraction digits of Decimal and Percentage numbers.</summary>
        [Parameter]
        [Alias("FractionDigits")]
        [ValidateRange(1, 10)]
        public int? Decimals { get; set; }

        /// <summary>ISO-4217 currency of Financial numbers.</summary>
        [Parameter]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public string? Currency { get; set; }

        /// <summary>A strftime-like format for DateTime fields (for example %d.%m.%Y).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DateFormat { get; set; }

        /// <summary>DateTime fields in the user's format: show the date without the time.</summary>
        [Parameter]
        public SwitchParameter DateOnly { get; set; }

        protected NimbleFieldPresentation Presentation() => new NimbleFieldPresentation
        {
            NumberFormat = NumberFormat,
            Decimals = Decimals,
            Currency = Currency,
            DateFormat = DateFormat,
            DateOnly = SwitchValue(nameof(DateOnly), DateOnly),
        };
    }
}
