namespace AfterSales.Bench.Drivers;

/// <summary>The model the readings scenario defines, the same over HTTP and in-process.</summary>
internal static class MeteredModel
{
    public const string Counter = "operatingHours";
    public const string Gauge = "bearingTemp";
    public const int RuleWindow = 5;

    /// <summary>Far above any value the scenario sends: the rule is evaluated on every gauge reading and never raises.</summary>
    public const double RuleThreshold = 1_000;

    public const string InstalledOn = "2026-01-05";
}
