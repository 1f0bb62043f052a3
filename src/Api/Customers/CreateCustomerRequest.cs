using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Customers;

namespace AfterSales.Api.Customers;

/// <summary>Registers a customer.</summary>
/// <param name="Name">Full name or company name (max 200).</param>
/// <param name="Phones">Up to 5 phone numbers, normalised to E.164; numbers without a country code are read in the configured default region.</param>
/// <param name="Emails">Up to 5 email addresses, lower-cased. At least one phone or email is required.</param>
/// <param name="Region">One of the configured regions, e.g. <c>east</c>.</param>
/// <param name="Tier">Service tier.</param>
/// <param name="Language">Preferred language: <c>zh-CN</c> or <c>en</c>.</param>
/// <param name="Id">Client-chosen id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64); the server mints one when absent.</param>
public sealed record CreateCustomerRequest(
    [property: Required, StringLength(Limits.Name, MinimumLength = 1)] string Name,
    [property: Required, Region] string Region,
    [property: Required] CustomerTier? Tier,
    [property: Required, Language] string Language,
    [property: MaxLength(Limits.Phones), ItemLength(Limits.PhoneInput)] IReadOnlyList<string>? Phones = null,
    [property: MaxLength(Limits.Emails), ItemLength(Limits.Email)] IReadOnlyList<string>? Emails = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id = null)
{
    /// <summary>Checks and normalises the request; null when <paramref name="errors"/> has messages.</summary>
    internal (string? Id, RegisterCustomerRequest? Command) Validate(InputRules rules, ValidationErrors errors)
    {
        var id = errors.OptionalIdentifier("id", Id);
        if (string.Equals(id, CustomersApi.LookupSegment, StringComparison.OrdinalIgnoreCase))
        {
            // GET /api/customers/lookup is the phone lookup, so a customer with this id could never be read.
            errors.Add("id", $"'{id}' is reserved.");
        }
        var name = errors.RequiredText("name", Name, Limits.Name);
        var phones = Many(errors, "phones", Phones, Limits.Phones, (field, value) => rules.Phone(errors, field, value));
        var emails = Many(errors, "emails", Emails, Limits.Emails, (field, value) => InputRules.Email(errors, field, value));
        if ((Phones?.Count ?? 0) == 0 && (Emails?.Count ?? 0) == 0)
        {
            errors.Add("phones", "Give at least one phone number or email address.");
        }
        var region = rules.Region(errors, "region", Region);
        var tier = errors.RequiredValue("tier", Tier);
        var language = InputRules.Language(errors, "language", Language);
        return errors.HasErrors
            ? (null, null)
            : (id, new RegisterCustomerRequest(name!, phones!.Value, emails!.Value, region!, tier!.Value, language!));
    }

    private static ImmutableArray<string>? Many(ValidationErrors errors, string field, IReadOnlyList<string>? values, int max,
        Func<string, string?, string?> normalise)
    {
        if (values is null)
        {
            return [];
        }
        if (values.Count > max)
        {
            errors.Add(field, $"At most {max} entries are allowed.");
            return null;
        }
        var result = ImmutableArray.CreateBuilder<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (normalise($"{field}[{i}]", values[i]) is { } value && !result.Contains(value))
            {
                result.Add(value);
            }
        }
        return result.ToImmutable();
    }
}
