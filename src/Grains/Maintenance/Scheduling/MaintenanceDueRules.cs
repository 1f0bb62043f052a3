namespace AfterSales.Maintenance.Scheduling;

/// <summary>What the scheduler accepts: the callers are grains, so a bad entry is a programming error and throws.</summary>
internal static class MaintenanceDueRules
{
    public static void ThrowIfInvalid(MaintenanceDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        ThrowIfBlankOrMultiline(due.Serial, nameof(due.Serial));
        ThrowIfBlankOrMultiline(due.PlanId, nameof(due.PlanId));
        ThrowIfBlankOrMultiline(due.Period, nameof(due.Period));
        if (due.FireAt > due.DueAt)
        {
            throw new ArgumentException($"A maintenance entry fires at or before it is due ({due.FireAt:O} > {due.DueAt:O}).", nameof(due));
        }
    }

    // The three parts form one row key, separated by line feeds.
    private static void ThrowIfBlankOrMultiline(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A maintenance entry's {name} must be a non-blank single line.", name);
        }
    }
}
