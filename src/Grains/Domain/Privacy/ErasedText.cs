namespace AfterSales.Domain.Privacy;

/// <summary>What a text removed by the GDPR erase reads, wherever it was kept.</summary>
internal static class ErasedText
{
    public const string Value = "[erased]";

    /// <summary>The erased text for a value that held one; null and empty stay as they were (nothing to erase, and the
    /// absence itself carries no personal data).</summary>
    public static string? Of(string? text) => string.IsNullOrEmpty(text) ? text : Value;
}
