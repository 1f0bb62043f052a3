using AfterSales.Domain.Complaints;

namespace AfterSales.Hosting;

/// <summary>The rules of complaints (section <c>AfterSales:Complaints</c>), checked at start by
/// <see cref="ComplaintOptionsValidator"/>.</summary>
public sealed class ComplaintOptions
{
    public const string SectionName = "AfterSales:Complaints";

    /// <summary>Prefix of complaint ids (<c>CMP</c> gives <c>CMP-2026-000123</c>): 1–6 capital letters, not the case
    /// number prefix. Default <c>CMP</c>.</summary>
    public string IdPrefix { get; set; } = "CMP";

    /// <summary>How long after its receipt a complaint must be acknowledged, per severity (calendar time, 1 minute to 30
    /// days each, never longer for a higher severity). Defaults: low 48 h, medium 24 h, high 8 h, critical 4 h.</summary>
    public AcknowledgementTargetOptions AcknowledgementTargets { get; set; } = new();

    /// <summary>How long a resolved complaint waits for the customer's confirmation or rejection before the platform
    /// closes it (1 minute to 365 days). Default 14 days.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(14);

    internal AcknowledgementTargets Targets => new(
        AcknowledgementTargets.Low, AcknowledgementTargets.Medium, AcknowledgementTargets.High, AcknowledgementTargets.Critical);
}

/// <summary>The acknowledgement target of each severity (<c>AfterSales:Complaints:AcknowledgementTargets:{severity}</c>).</summary>
public sealed class AcknowledgementTargetOptions
{
    public TimeSpan Low { get; set; } = Domain.Complaints.AcknowledgementTargets.Default.Low;
    public TimeSpan Medium { get; set; } = Domain.Complaints.AcknowledgementTargets.Default.Medium;
    public TimeSpan High { get; set; } = Domain.Complaints.AcknowledgementTargets.Default.High;
    public TimeSpan Critical { get; set; } = Domain.Complaints.AcknowledgementTargets.Default.Critical;
}
