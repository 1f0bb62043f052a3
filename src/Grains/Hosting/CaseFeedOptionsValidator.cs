using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with case-feed settings out of range.</summary>
public sealed class CaseFeedOptionsValidator : IValidateOptions<CaseFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, CaseFeedOptions options)
    {
        var failures = new List<string>();
        var section = CaseFeedOptions.SectionName;
        if (options.CatchUpInterval < TimeSpan.FromMilliseconds(100) || options.CatchUpInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:CatchUpInterval must be between 100 ms and 5 minutes, not {options.CatchUpInterval}.");
        }
        if (options.BatchSize is < 10 or > 10_000)
        {
            failures.Add($"{section}:BatchSize must be between 10 and 10000, not {options.BatchSize}.");
        }
        if (options.Overlap is < 0 or > 100_000)
        {
            failures.Add($"{section}:Overlap must be between 0 and 100000, not {options.Overlap}.");
        }
        if (options.MaxCatchUpTurn < TimeSpan.FromMilliseconds(100) || options.MaxCatchUpTurn > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:MaxCatchUpTurn must be between 100 ms and 1 minute, not {options.MaxCatchUpTurn}.");
        }
        if (options.LiveBatchDelay < TimeSpan.Zero || options.LiveBatchDelay > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:LiveBatchDelay must be between 0 and 1 second, not {options.LiveBatchDelay}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
