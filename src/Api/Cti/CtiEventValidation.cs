using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Cti;

namespace AfterSales.Api.Cti;

/// <summary>Checks a Generic CTI event's fields and turns them into a <see cref="CtiCallEvent"/>: phone numbers to E.164
/// (or withheld), names to enums. Every mistake is reported against its field at once.</summary>
internal static partial class CtiEventValidation
{
    public static CtiCallEvent? Validate(IReadOnlyDictionary<string, List<string>> fields, InputRules rules, ValidationErrors errors)
    {
        var kind = Name<CtiEventKind>(fields, errors, "event", required: true);
        var callId = Single(fields, errors, "callId");
        if (callId is null)
        {
            errors.Add("callId", FieldRules.Required);
        }
        else if (!CallIdRegex().IsMatch(callId))
        {
            errors.Add("callId", $"A call id is 1-{CtiFields.CallIdLength} letters, digits, '.', '_', ':', '@' or '-'.");
        }
        var direction = Name<CallDirection>(fields, errors, "direction", required: kind == CtiEventKind.NewCall);
        var cause = Name<HangupCause>(fields, errors, "cause", required: kind == CtiEventKind.Hangup);
        var from = Number(rules, Text(fields, errors, "from", CtiFields.NumberLength));
        var to = Number(rules, Text(fields, errors, "to", CtiFields.NumberLength));
        var queue = Text(fields, errors, "queue", CtiFields.TextLength);
        var answering = Text(fields, errors, "answeringNumber", CtiFields.NumberLength) is { } sent ? Number(rules, sent) ?? sent : null;
        var users = Users(fields, errors);
        if (errors.HasErrors)
        {
            return null;
        }
        return new CtiCallEvent(callId!, kind!.Value, direction, from, to)
        {
            Users = users,
            Queue = queue,
            AnsweringNumber = answering,
            Cause = kind == CtiEventKind.Hangup ? cause : null,
        };
    }

    /// <summary>The E.164 form, or null for what is no phone number (anonymous, an extension): read as withheld.</summary>
    private static string? Number(InputRules rules, string? value) =>
        value is null ? null : rules.Phones.Normalise(value, out _);

    private static ImmutableArray<string> Users(IReadOnlyDictionary<string, List<string>> fields, ValidationErrors errors)
    {
        if (!fields.TryGetValue("user", out var values) || values.Count == 0)
        {
            return [];
        }
        if (values.Count > CtiFields.Users)
        {
            errors.Add("user", $"At most {CtiFields.Users} users are allowed.");
            return [];
        }
        var users = ImmutableArray.CreateBuilder<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (errors.OptionalText(values.Count == 1 ? "user" : $"user[{i}]", values[i], CtiFields.TextLength) is { } user)
            {
                users.Add(user);
            }
        }
        return users.ToImmutable();
    }

    private static string? Text(IReadOnlyDictionary<string, List<string>> fields, ValidationErrors errors, string field, int maxLength) =>
        Single(fields, errors, field) is { } value ? errors.OptionalText(field, value, maxLength) : null;

    /// <summary>The one value of a field; empty or blank counts as absent, as a form sends an unset field.</summary>
    private static string? Single(IReadOnlyDictionary<string, List<string>> fields, ValidationErrors errors, string field)
    {
        if (!fields.TryGetValue(field, out var values))
        {
            return null;
        }
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (given.Count > 1)
        {
            errors.Add(field, "The field is given more than once.");
            return null;
        }
        return given.Count == 1 ? given[0].Trim() : null;
    }

    /// <summary>One of an enum's JSON names (<c>newCall</c>, <c>in</c>, <c>noAnswer</c>), as the API spells them everywhere.</summary>
    private static T? Name<T>(IReadOnlyDictionary<string, List<string>> fields, ValidationErrors errors, string field, bool required)
        where T : struct, Enum
    {
        var value = Single(fields, errors, field);
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, FieldRules.Required);
            }
            return null;
        }
        var names = ApiJson.Names(typeof(T));
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                return Enum.GetValues<T>()[i];
            }
        }
        errors.Add(field, $"'{value}' is not one of: {string.Join(", ", names)}.");
        return null;
    }

    // \z rather than $: $ would also accept a trailing line break.
    [GeneratedRegex(@"^[A-Za-z0-9._:@-]{1,128}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex CallIdRegex();
}
