namespace AfterSales.Hosting;

/// <summary>Satisfaction surveys (section <c>AfterSales:Surveys</c>), checked at start by <see cref="SurveyOptionsValidator"/>.</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "AfterSales:Surveys";

    /// <summary>How long after its issue a survey takes a response. Default 14 days (1 hour to 365 days). A change
    /// applies to surveys issued afterwards: each survey stores its own expiry.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(14);
}
