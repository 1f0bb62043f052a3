namespace AfterSales.Installation;

/// <summary>The time agreed with the customer for an installation visit; <see cref="End"/> is after <see cref="Start"/>.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.InstallationWindow")]
public sealed record InstallationWindow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End)
{
    /// <summary>True when the window ends after it starts.</summary>
    public bool IsValid => End > Start;
}
