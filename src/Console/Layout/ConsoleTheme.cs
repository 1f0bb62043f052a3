using MudBlazor;
using static AfterSales.Console.Layout.ConsolePalette;

namespace AfterSales.Console.Layout;

/// <summary>MudBlazor's theme made of <see cref="ConsolePalette"/>: MudBlazor's default success (#00C853) and secondary text
/// fall short of 4.5:1 on white, so the console sets every colour it draws text with.</summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Primary,
            PrimaryContrastText = PrimaryText,
            Secondary = ConsolePalette.Secondary,
            AppbarBackground = AppBar,
            AppbarText = AppBarText,
            Surface = ConsolePalette.Surface,
            Background = ConsolePalette.Background,
            TextPrimary = Text,
            TextSecondary = ConsolePalette.TextSecondary,
            ActionDefault = ConsolePalette.Action,
            Success = ConsolePalette.Success,
            Error = ConsolePalette.Error,
            Warning = ConsolePalette.Warning,
            Info = ConsolePalette.Info,
        },
    };
}
