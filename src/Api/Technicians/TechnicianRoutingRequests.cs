using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AfterSales.Api.Validation;
using AfterSales.Technicians;

namespace AfterSales.Api.Technicians;

/// <summary>Sets a technician's presence.</summary>
/// <param name="Presence"><c>onShift</c> (takes work), <c>away</c> (on shift, keeps its cases, takes no new ones) or
/// <c>offShift</c> (the cases not yet started go back to the queue and are routed again).</param>
public sealed record PresenceRequest([property: Required] Presence? Presence);

/// <summary>Changes a technician's skills and/or capacity; a member left out (or null) stays as it is.</summary>
/// <param name="Skills">The new skills, replacing the old ones (up to 20, each named once, level 1-5); <c>[]</c> removes all.</param>
/// <param name="Capacity">Capacity units (1-1000); not below the units in use (409).</param>
public sealed record PatchTechnicianRequest(
    [property: MaxLength(Limits.Skills)] IReadOnlyList<TechnicianSkill>? Skills = null,
    [property: Range(Limits.CapacityMin, Limits.CapacityMax)] int? Capacity = null)
{
    internal UpdateTechnicianRequest? Validate(ValidationErrors errors)
    {
        if (Skills is null && Capacity is null)
        {
            errors.Add(Problems.ApiProblems.Body, "Send skills, capacity or both.");
            return null;
        }
        ImmutableArray<Skill>? skills = Skills is null ? null : TechnicianSkill.Validate(errors, "skills", Skills);
        var capacity = Capacity is null ? null : errors.RequiredInRange("capacity", Capacity, Limits.CapacityMin, Limits.CapacityMax);
        return errors.HasErrors ? null : new UpdateTechnicianRequest(skills, capacity);
    }
}

/// <summary>Sets a technician's weekly shift pattern, read in the time zone of the technician's region. The
/// pattern decides presence from now on; a manual presence change holds until its next boundary.</summary>
/// <param name="Windows">Up to 21 windows; <c>[]</c> removes the pattern (presence is then set by hand only).</param>
public sealed record ShiftPatternRequest([property: Required, MaxLength(Limits.ShiftWindows)] IReadOnlyList<ShiftWindowRequest>? Windows)
{
    internal SetShiftPatternRequest? Validate(ValidationErrors errors)
    {
        if (Windows is null)
        {
            errors.Add("windows", FieldRules.Required);
            return null;
        }
        if (Windows.Count > Limits.ShiftWindows)
        {
            errors.Add("windows", $"A shift pattern has at most {Limits.ShiftWindows} windows.");
            return null;
        }
        var windows = ImmutableArray.CreateBuilder<ShiftWindow>(Windows.Count);
        for (var i = 0; i < Windows.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"windows[{i}]");
            if ((Windows as IReadOnlyList<ShiftWindowRequest?>)[i] is not { } window)
            {
                errors.Add(at, FieldRules.Required);
            }
            else if (window.Validate(errors, at) is { } valid)
            {
                windows.Add(valid);
            }
        }
        return errors.HasErrors ? null : new SetShiftPatternRequest(windows.ToImmutable());
    }
}

/// <summary>One line of a weekly shift pattern in the local time of the technician's region: on each of the days the
/// shift runs from start to end; an end at or before the start runs past midnight into the next day.</summary>
/// <param name="Days">Days the shift starts on, each once: <c>monday</c> to <c>sunday</c>.</param>
/// <param name="Start">Local start time, <c>HH:mm</c>.</param>
/// <param name="End">Local end time, <c>HH:mm</c>; not equal to the start.</param>
public sealed record ShiftWindowRequest(
    [property: Required, MinLength(1), MaxLength(Limits.DaysOfWeek), UniqueItems] IReadOnlyList<DayOfWeek>? Days,
    [property: Required, RegularExpression(Limits.TimeOfDayPattern)] string? Start,
    [property: Required, RegularExpression(Limits.TimeOfDayPattern)] string? End)
{
    internal ShiftWindow? Validate(ValidationErrors errors, string path)
    {
        if (Days is null)
        {
            errors.Add($"{path}.days", FieldRules.Required);
        }
        else if (Days.Count == 0)
        {
            errors.Add($"{path}.days", "A shift window needs at least one day.");
        }
        else if (Days.Distinct().Count() != Days.Count)
        {
            errors.Add($"{path}.days", "A day is listed twice.");
        }
        var start = TimeOfDay(errors, $"{path}.start", Start);
        var end = TimeOfDay(errors, $"{path}.end", End);
        if (start is not null && start == end)
        {
            errors.Add($"{path}.end", "A shift cannot end when it starts.");
            return null;
        }
        return Days is { Count: > 0 } days && start is not null && end is not null
            ? new ShiftWindow([.. days], start.Value, end.Value)
            : null;
    }

    /// <summary>The wire format of shift times.</summary>
    internal static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? TimeOfDay(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, FieldRules.Required);
            return null;
        }
        if (value.Length != 5 || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(field, "The value must be a time of day written HH:mm, from 00:00 to 23:59.");
            return null;
        }
        return time;
    }
}
