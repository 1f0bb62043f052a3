using System.Text.RegularExpressions;
using AfterSales.Complaints;
using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with complaint rules out of range.</summary>
public sealed partial class ComplaintOptionsValidator(IOptions<AfterSalesOptions> platform) : IValidateOptions<ComplaintOptions>
{
    public static readonly TimeSpan MinTarget = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinAutoClose = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxAutoClose = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, ComplaintOptions options)
    {
        var failures = new List<string>();
        if (!Prefix().IsMatch(options.IdPrefix))
        {
            failures.Add($"{ComplaintOptions.SectionName}:IdPrefix must be 1-6 capital letters.");
        }
        else if (options.IdPrefix == platform.Value.CaseNumberPrefix)
        {
            failures.Add($"{ComplaintOptions.SectionName}:IdPrefix must differ from AfterSales:CaseNumberPrefix.");
        }
        var targets = options.Targets;
        TimeSpan? previous = null;
        foreach (var severity in Enum.GetValues<ComplaintSeverity>())
        {
            var target = targets.For(severity);
            if (target < MinTarget || target > MaxTarget)
            {
                failures.Add($"{ComplaintOptions.SectionName}:AcknowledgementTargets:{severity} must be between 1 minute and 30 days, not {target}.");
            }
            else if (previous is { } lower && target > lower)
            {
                failures.Add($"{ComplaintOptions.SectionName}:AcknowledgementTargets:{severity} must not be longer than the target of the severity below it.");
            }
            previous = target;
        }
        if (options.AutoCloseAfter < MinAutoClose || options.AutoCloseAfter > MaxAutoClose)
        {
            failures.Add($"{ComplaintOptions.SectionName}:AutoCloseAfter must be between 1 minute and 365 days, not {options.AutoCloseAfter}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Z]{1,6}$")]
    private static partial Regex Prefix();
}
