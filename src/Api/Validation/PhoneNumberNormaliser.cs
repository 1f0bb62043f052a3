using PhoneNumbers;

namespace AfterSales.Api.Validation;

/// <summary>Turns a phone number as people type it (<c>138 0013 8000</c>, <c>+86 138-0013-8000</c>,
/// <c>(415) 555-2671</c> with region US) into E.164 (<c>+8613800138000</c>), or says why it cannot.</summary>
/// <param name="defaultRegion">ISO 3166 alpha-2 region for numbers written without a country code.</param>
internal sealed class PhoneNumberNormaliser(string defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string DefaultRegion { get; } = defaultRegion;

    /// <summary>The E.164 form of <paramref name="input"/>, or null with <paramref name="error"/> set.</summary>
    public string? Normalise(string input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > Limits.PhoneInput)
        {
            error = $"A phone number must be 1-{Limits.PhoneInput} characters.";
            return null;
        }
        if (input.Contains('\0', StringComparison.Ordinal))
        {
            error = FieldRules.NulCharacter;
            return null;
        }
        try
        {
            var number = Util.Parse(input, DefaultRegion);
            if (!Util.IsValidNumber(number))
            {
                error = $"'{input}' is not a valid phone number (numbers without a country code are read as {DefaultRegion}).";
                return null;
            }
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            error = $"'{input}' is not a phone number.";
            return null;
        }
    }
}
