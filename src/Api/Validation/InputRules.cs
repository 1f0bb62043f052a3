using System.Collections.Frozen;
using System.Net.Mail;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Validation;

/// <summary>The rules of input that depend on configuration: the regions served and how phone numbers are read.</summary>
internal sealed class InputRules(IOptions<AfterSalesOptions> options)
{
    /// <summary>The preferred languages a customer can choose.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    private readonly FrozenSet<string> regions = options.Value.Regions.ToFrozenSet(StringComparer.Ordinal);

    public IReadOnlyList<string> Regions { get; } = [.. options.Value.Regions];

    public PhoneNumberNormaliser Phones { get; } = new(options.Value.DefaultPhoneRegion);

    public bool IsRegion(string? region) => region is not null && regions.Contains(region);

    /// <summary>A required region among those configured.</summary>
    public string? Region(ValidationErrors errors, string field, string? value)
    {
        var region = errors.RequiredText(field, value, maxLength: 32);
        if (region is not null && !regions.Contains(region))
        {
            errors.Add(field, $"Unknown region '{region}'; expected one of: {string.Join(", ", Regions)}.");
            return null;
        }
        return region;
    }

    /// <summary>A required language tag, exactly <c>zh-CN</c> or <c>en</c>.</summary>
    public static string? Language(ValidationErrors errors, string field, string? value)
    {
        var language = errors.RequiredText(field, value, maxLength: 8);
        if (language is not null && !Languages.Contains(language, StringComparer.Ordinal))
        {
            errors.Add(field, $"The language must be one of: {string.Join(", ", Languages)}.");
            return null;
        }
        return language;
    }

    /// <summary>A phone number in E.164.</summary>
    public string? Phone(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, FieldRules.Required);
            return null;
        }
        var e164 = Phones.Normalise(value, out var error);
        if (e164 is null)
        {
            errors.Add(field, error!);
        }
        return e164;
    }

    /// <summary>An email address, trimmed and lower-cased.</summary>
    public static string? Email(ValidationErrors errors, string field, string? value)
    {
        var text = errors.RequiredText(field, value, Limits.Email);
        if (text is null)
        {
            return null;
        }
        // MailAddress also accepts display names ("Ann <a@b.c>") and comments; only a bare address is wanted.
        if (!MailAddress.TryCreate(text, out var address) || !string.Equals(address.Address, text, StringComparison.Ordinal)
            || address.Host.Length == 0 || !address.Host.Contains('.', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add(field, $"'{text}' is not an email address.");
            return null;
        }
        return text.ToLowerInvariant();
    }
}
