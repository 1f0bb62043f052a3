using System.Text.RegularExpressions;

namespace AfterSales.Api.Validation;

/// <summary>Checks and cleans single fields, adding a message per mistake. A text that fails returns null.</summary>
internal static partial class FieldRules
{
    public const string Required = "The field is required.";
    public const string NulCharacter = "The value must not contain NUL characters.";

    /// <summary>A required single-line text: trimmed, 1..<paramref name="maxLength"/> characters, no control characters.</summary>
    public static string? RequiredText(this ValidationErrors errors, string field, string? value, int maxLength) =>
        Text(errors, field, value, maxLength, multiline: false, required: true);

    /// <summary>A required text that may span lines (tabs and line breaks allowed).</summary>
    public static string? RequiredMultilineText(this ValidationErrors errors, string field, string? value, int maxLength) =>
        Text(errors, field, value, maxLength, multiline: true, required: true);

    /// <summary>An optional text: null or blank gives null.</summary>
    public static string? OptionalText(this ValidationErrors errors, string field, string? value, int maxLength, bool multiline = false) =>
        Text(errors, field, value, maxLength, multiline, required: false);

    /// <summary>A required id, serial or case number (<see cref="Limits.IdentifierPattern"/>).</summary>
    public static string? RequiredIdentifier(this ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, Required);
            return null;
        }
        return Identifier(errors, field, value);
    }

    /// <summary>An optional id: null stays null; anything else must be a valid id.</summary>
    public static string? OptionalIdentifier(this ValidationErrors errors, string field, string? value) =>
        value is null ? null : Identifier(errors, field, value);

    /// <summary>A required value of a value type (an enum, a number, a flag) that the JSON left out.</summary>
    public static T? RequiredValue<T>(this ValidationErrors errors, string field, T? value) where T : struct
    {
        if (value is null)
        {
            errors.Add(field, Required);
        }
        return value;
    }

    /// <summary>A required integer within an inclusive range.</summary>
    public static int? RequiredInRange(this ValidationErrors errors, string field, int? value, int min, int max)
    {
        if (value is null)
        {
            errors.Add(field, Required);
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(field, $"The value must be between {min} and {max}.");
            return null;
        }
        return value;
    }

    private static string? Identifier(ValidationErrors errors, string field, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(field, NulCharacter);
            return null;
        }
        if (!IdentifierRegex().IsMatch(value))
        {
            errors.Add(field, $"The value must be 1-{Limits.Identifier} letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return null;
        }
        return value;
    }

    private static string? Text(ValidationErrors errors, string field, string? value, int maxLength, bool multiline, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, Required);
            }
            return null;
        }
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(field, NulCharacter);
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "The field must not be blank.");
            }
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"The value must be at most {maxLength} characters.");
            return null;
        }
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                errors.Add(field, multiline
                    ? "The value must not contain control characters other than tabs and line breaks."
                    : "The value must be a single line without control characters.");
                return null;
            }
        }
        return trimmed;
    }

    // \z rather than $: $ would also accept a trailing line break.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();
}
