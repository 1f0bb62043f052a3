namespace AfterSales.Bench.Options;

/// <summary>The command-line spelling of scenarios: lower case, words joined by a hyphen (<c>heavy-case</c>).</summary>
internal static class ScenarioNames
{
    public static string Of(ScenarioKind kind) => kind switch
    {
        ScenarioKind.HeavyCase => "heavy-case",
        ScenarioKind.FeedLag => "feed-lag",
        ScenarioKind.KpiRead => "kpi-read",
        ScenarioKind.SlaClocks => "sla-clocks",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string text, out ScenarioKind kind)
    {
        foreach (var candidate in Enum.GetValues<ScenarioKind>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string All => string.Join(", ", Enum.GetValues<ScenarioKind>().Select(Of));
}
