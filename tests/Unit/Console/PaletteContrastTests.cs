using System.Globalization;
using AfterSales.Console.Layout;

namespace AfterSales.Tests.Unit.Console;

/// <summary>WCAG 2.1 contrast of the console's colours: every pair it draws text with reaches AA (4.5:1), every focus ring
/// 3:1 against what it sits on.</summary>
public sealed class PaletteContrastTests
{
    private const double AaText = 4.5;

    /// <summary>WCAG 1.4.11, non-text contrast: what marks a control's state against what is next to it.</summary>
    private const double NonText = 3.0;

    public static TheoryData<string, string, string> Pairs() => Data(ConsolePalette.TextPairs);

    public static TheoryData<string, string, string> FocusPairs() => Data(ConsolePalette.FocusPairs);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryTextColourPairReachesAa(string name, string foreground, string background)
    {
        var ratio = Contrast(foreground, background);
        Assert.True(ratio >= AaText, $"{name}: {foreground} on {background} is {ratio:0.00}:1, below {AaText}:1");
    }

    [Theory]
    [MemberData(nameof(FocusPairs))]
    public void EveryFocusRingStandsOutFromWhatItSitsOn(string name, string ring, string background)
    {
        var ratio = Contrast(ring, background);
        Assert.True(ratio >= NonText, $"{name}: {ring} on {background} is {ratio:0.00}:1, below {NonText}:1");
    }

    [Theory]
    [InlineData("#000000", "#FFFFFF", 21.0)]
    [InlineData("#FFFFFF", "#FFFFFF", 1.0)]
    [InlineData("#767676", "#FFFFFF", 4.54)]
    [InlineData("#00C853", "#FFFFFF", 2.24)]
    public void TheRatioIsWcags(string foreground, string background, double expected) =>
        Assert.Equal(expected, Contrast(foreground, background), precision: 2);

    private static TheoryData<string, string, string> Data(IEnumerable<(string Name, string Foreground, string Background)> pairs)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, foreground, background) in pairs)
        {
            data.Add(name, foreground, background);
        }
        return data;
    }

    /// <summary>(L1 + 0.05) / (L2 + 0.05) with L the relative luminance of the lighter and the darker colour.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return 0.2126 * Channel(rgb >> 16) + 0.7152 * Channel(rgb >> 8) + 0.0722 * Channel(rgb);

        static double Channel(int value)
        {
            var c = (value & 0xFF) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }
}
