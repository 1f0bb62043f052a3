namespace AfterSales.Console.Layout;

/// <summary>The console's colours, chosen for WCAG 2.1 AA contrast (4.5:1 for text) and kept free of MudBlazor types so a
/// unit test can check every pair the console draws text with (<see cref="TextPairs"/>).</summary>
internal static class ConsolePalette
{
    public const string Primary = "#3949AB";
    public const string PrimaryText = "#FFFFFF";
    public const string Secondary = "#AD1457";
    public const string AppBar = "#283593";
    public const string AppBarText = "#FFFFFF";
    public const string Surface = "#FFFFFF";
    public const string Background = "#FAFAFA";
    public const string Text = "#212121";
    public const string TextSecondary = "#5F5F5F";
    public const string Action = "#5F5F5F";
    public const string Success = "#2E7D32";
    public const string Error = "#C62828";
    public const string Warning = "#8A4B00";
    public const string Info = "#1565C0";
    public const string Chip = "#E0E0E0";

    /// <summary>The colours of <c>.sla-breached</c> and <c>.sla-at-risk</c> in console.css.</summary>
    public const string SlaBreached = "#B00020";
    public const string SlaAtRisk = "#8A4B00";

    /// <summary>The focus ring of buttons and links (<c>:focus-visible</c> in console.css): MudBlazor removes the browser's
    /// outline and marks a focused button only with a faint hover tint, which fails WCAG 2.4.7 in practice.</summary>
    public const string FocusRing = "#1A237E";

    /// <summary>The focus ring on the app bar, where the dark ring would vanish.</summary>
    public const string FocusRingOnAppBar = "#FFFFFF";

    /// <summary>Every foreground on background the console draws text with: body and secondary text on the page and on
    /// cards, links and outlined buttons (primary), filled buttons, the app bar, the live chip (success), alerts and
    /// the SLA states, chip text, and icon buttons (action).</summary>
    public static readonly IReadOnlyList<(string Name, string Foreground, string Background)> TextPairs =
    [
        ("text on surface", Text, Surface),
        ("text on background", Text, Background),
        ("secondary text on surface", TextSecondary, Surface),
        ("secondary text on background", TextSecondary, Background),
        ("link and outlined button on surface", Primary, Surface),
        ("link on background", Primary, Background),
        ("filled button", PrimaryText, Primary),
        ("secondary on surface", Secondary, Surface),
        ("app bar", AppBarText, AppBar),
        ("success on surface", Success, Surface),
        ("error on surface", Error, Surface),
        ("warning on surface", Warning, Surface),
        ("info on surface", Info, Surface),
        ("white on success", PrimaryText, Success),
        ("white on error", PrimaryText, Error),
        ("white on info", PrimaryText, Info),
        ("chip text", Text, Chip),
        ("icon button on surface", Action, Surface),
        ("SLA breached", SlaBreached, Surface),
        ("SLA at risk", SlaAtRisk, Surface),
    ];

    /// <summary>Every focus ring on what it sits on (the ring is drawn 2 px outside the control, so on the page, a card or
    /// the app bar): a non-text indicator, 3:1 at least (WCAG 1.4.11).</summary>
    public static readonly IReadOnlyList<(string Name, string Ring, string Background)> FocusPairs =
    [
        ("focus ring on surface", FocusRing, Surface),
        ("focus ring on background", FocusRing, Background),
        ("focus ring on a chip", FocusRing, Chip),
        ("focus ring on the app bar", FocusRingOnAppBar, AppBar),
    ];
}
