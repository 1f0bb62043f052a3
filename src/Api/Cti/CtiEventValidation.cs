using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AfterSales.Api.Validation;
using AfterSales.Cti;

namespace AfterSales.Api.Cti;

/// <summary>Checks a Generic CTI event's fields and turns them into a <see cref="CtiCallEvent"/>: phone numbers to E.164
/// (or withheld), names to enums. Every mistake is reported against its field at once.</summary>
internal static partial class CtiEventValidation
{
    public static CtiCallEvent? Validate(IReadOnlyDictionary<string, List<string>> fields, InputRules rules, ValidationErrors errors)
    {
        var kind = Single(fields, errors, "event") switch
        {
            null => Missing<CtiEventKind>(errors, "event"),
            "newCall" => CtiEventKind.NewCall,
            "answer" => CtiEventKind.Answer,
            "hangup" => CtiEventKind.Hangup,
            var other => Wrong<CtiEventKind>(errors, "event", $"'{other}' is not an event: expected newCall, answer or hangup."),
        };
        var callId = Single(fields, errors, "callId");
        if (callId is null)
        {
            errors.Add("callId", FieldRules.Required);
        }
        else if (!CallIdRegex().IsMatch(callId))
        {
            errors.Add("callId", $"A call id is 1-{CtiFields.CallIdLength} letters, digits, '.', '_', ':', '@' or '-'.");
        }
        var direction = Single(fields, errors, "direction") switch
        {
            null when kind == CtiEventKind.NewCall => Missing<CallDirection>(errors, "direction"),
            null => null,
            "in" => CallDirection.In,
            "out" => CallDirection.Out,
            var other => Wrong<CallDirection>(errors, "direction", $"'{other}' is not a direction: expected in or out."),
        };
        var cause = Single(fields, errors, "cause") switch
        {
            null when kind == CtiEventKind.Hangup => Missing<HangupCause>(errors, "cause"),
            null => null,
            var name => Cause(name) ?? Wrong<HangupCause>(errors, "cause",
                $"'{name}' is not a cause: expected normalClearing, busy, cancel, noAnswer, congestion, notFound or forwarded."),
        };
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

    private static HangupCause? Cause(string name) => name switch
    {
        "normalClearing" => HangupCause.NormalClearing,
        "busy" => HangupCause.Busy,
        "cancel" => HangupCause.Cancel,
        "noAnswer" => HangupCause.NoAnswer,
        "congestion" => HangupCause.Congestion,
        "notFound" => HangupCause.NotFound,
        "forwarded" => HangupCause.Forwarded,
        _ => null,
    };

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

    private static T? Missing<T>(ValidationErrors errors, string field) where T : struct
    {
        errors.Add(field, FieldRules.Required);
        return null;
    }

    private static T? Wrong<T>(ValidationErrors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    // \z rather than $: $ would also accept a trailing line break.
    [GeneratedRegex(@"^[A-Za-z0-9._:@-]{1,128}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex CallIdRegex();
}
