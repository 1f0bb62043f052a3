using System.Globalization;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Kpis;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Kpis;

/// <summary>The query of <c>GET /api/kpis</c>: a period [from, to) of at most <see cref="MaxDays"/> days, optionally one
/// department and one region, optionally a daily or weekly series.</summary>
internal sealed class KpiParameters
{
    public const int MaxDays = 366;

    public static readonly string[] Groupings = ["day", "week"];

    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }
    [FromQuery(Name = "department")] public string? Department { get; init; }
    [FromQuery(Name = "region")] public string? Region { get; init; }
    [FromQuery(Name = "groupBy")] public string? GroupBy { get; init; }

    /// <summary>The query, or field errors in <paramref name="errors"/>.</summary>
    public KpiQuery Read(ValidationErrors errors, InputRules rules)
    {
        var from = Instant(errors, "from", From);
        var to = Instant(errors, "to", To);
        if (from is { } f && to is { } t)
        {
            if (f >= t)
            {
                errors.Add("from", "from must be before to.");
            }
            else if (t - f > TimeSpan.FromDays(MaxDays))
            {
                errors.Add("to", $"The period spans at most {MaxDays} days.");
            }
        }
        Department? department = null;
        if (Department is not null)
        {
            if (DepartmentNames.TryParse(Department, out var d))
            {
                department = d;
            }
            else
            {
                errors.Add("department", $"department is one of {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}.");
            }
        }
        if (Region is not null && !rules.IsRegion(Region))
        {
            errors.Add("region", $"region is one of {string.Join(", ", rules.Regions)}.");
        }
        var grouping = GroupBy switch
        {
            null => KpiGrouping.None,
            "day" => KpiGrouping.Day,
            "week" => KpiGrouping.Week,
            _ => (KpiGrouping?)null,
        };
        if (grouping is null)
        {
            errors.Add("groupBy", $"groupBy is one of {string.Join(", ", Groupings)}.");
        }
        return new KpiQuery(from ?? default, to ?? default, department, Region, grouping ?? KpiGrouping.None);
    }

    /// <summary>An RFC 3339 date-time with its offset (<c>2026-03-01T00:00:00Z</c>); required.</summary>
    private static DateTimeOffset? Instant(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required: an RFC 3339 date-time with an offset, e.g. 2026-03-01T00:00:00Z.");
            return null;
        }
        if (value.Length > 40 || !value.Contains('T', StringComparison.Ordinal)
            || !(value[^1] is 'Z' or 'z' || (value.Length > 6 && value[^6] is '+' or '-'))
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            errors.Add(field, $"{field} is an RFC 3339 date-time with an offset, e.g. 2026-03-01T00:00:00Z.");
            return null;
        }
        return instant.ToUniversalTime();
    }
}
