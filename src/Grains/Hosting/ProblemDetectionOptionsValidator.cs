using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a window, threshold or range width out of range.</summary>
public sealed class ProblemDetectionOptionsValidator : IValidateOptions<ProblemDetectionOptions>
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(365);
    // One fault is no cluster; more than a thousand would keep too many faults per grain to be useful.
    public const int MinThreshold = 2;
    public const int MaxThreshold = 1000;
    public const long MinRangeWidth = 1;
    public const long MaxRangeWidth = 1_000_000_000_000_000;

    public ValidateOptionsResult Validate(string? name, ProblemDetectionOptions options)
    {
        var failures = new List<string>();
        if (options.Window < MinWindow || options.Window > MaxWindow)
        {
            failures.Add($"{ProblemDetectionOptions.SectionName}:Window must be between 1 hour and 365 days, not {options.Window}.");
        }
        if (options.Threshold is < MinThreshold or > MaxThreshold)
        {
            failures.Add($"{ProblemDetectionOptions.SectionName}:Threshold must be between {MinThreshold} and {MaxThreshold}, not {options.Threshold}.");
        }
        if (options.RangeWidth is < MinRangeWidth or > MaxRangeWidth)
        {
            failures.Add($"{ProblemDetectionOptions.SectionName}:RangeWidth must be between {MinRangeWidth} and 10^15, not {options.RangeWidth}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
