using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AfterSales.Api.Validation;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.CaseList;

/// <summary>The query of <c>GET /api/cases</c> and <c>GET /api/cases/export.csv</c>. A filter given several times
/// accepts any of its values (<c>status=new&amp;status=assigned</c>); different filters must all hold.</summary>
internal sealed partial class CaseListParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxValues = 20;
    public const int MaxText = 200;
    public const int MaxWords = 8;

    /// <summary>The SLA states an SLA feature writes into the list (the column stays empty until then).</summary>
    public static readonly ImmutableArray<string> SlaStates = ["ok", "atRisk", "warning", "breached"];

    public static readonly ImmutableArray<string> Sorts = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "priority", "-priority"];

    [FromQuery(Name = "status")] public string[]? Status { get; init; }
    [FromQuery(Name = "department")] public string[]? Department { get; init; }
    [FromQuery(Name = "region")] public string[]? Region { get; init; }
    [FromQuery(Name = "priority")] public string[]? Priority { get; init; }
    [FromQuery(Name = "assignee")] public string[]? Assignee { get; init; }
    [FromQuery(Name = "customer")] public string[]? Customer { get; init; }
    [FromQuery(Name = "sla")] public string[]? Sla { get; init; }
    [FromQuery(Name = "text")] public string? Text { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    /// <summary>The query, or field errors in <paramref name="errors"/>.</summary>
    public CaseListQuery Read(ValidationErrors errors, InputRules rules, bool paged)
    {
        var sort = Sort ?? "-createdAt";
        if (!Sorts.Contains(sort))
        {
            errors.Add("sort", $"sort is one of {string.Join(", ", Sorts)} (a leading - sorts descending).");
        }
        var (by, descending) = (Enum.TryParse<CaseListSort>(sort.TrimStart('-'), ignoreCase: true, out var s) ? s : CaseListSort.CreatedAt, sort.StartsWith('-'));
        var limit = DefaultLimit;
        if (paged && Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        }
        CaseListCursor? after = null;
        if (paged && Cursor is not null && !TryReadCursor(Cursor, sort, out after))
        {
            errors.Add("cursor", "cursor is the next link of a previous page with the same sort; start again without it.");
        }
        return new CaseListQuery
        {
            Statuses = Choices<CaseStatus>(errors, "status", Status, v => Known<CaseStatus>(v, out var x) ? x : null,
                $"status is one of {string.Join(", ", Names<CaseStatus>())}."),
            Departments = Choices<Department>(errors, "department", Department, v => DepartmentNames.TryParse(v, out var d) ? d : null,
                $"department is one of {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}."),
            Regions = Values(errors, "region", Region, v => rules.IsRegion(v) ? v : null, $"region is one of {string.Join(", ", rules.Regions)}."),
            Priorities = Choices<CasePriority>(errors, "priority", Priority, v => Known<CasePriority>(v, out var p) ? p : null,
                $"priority is one of {string.Join(", ", Names<CasePriority>())}."),
            Assignees = Values(errors, "assignee", Assignee, Identifier, "assignee is a technician id: " + Limits.IdentifierPattern),
            Customers = Values(errors, "customer", Customer, Identifier, "customer is a customer id: " + Limits.IdentifierPattern),
            SlaStates = Values(errors, "sla", Sla, v => SlaStates.Contains(v) ? v : null, $"sla is one of {string.Join(", ", SlaStates)}."),
            Words = Words(errors, Text),
            Sort = by,
            Descending = descending,
            After = after,
            Limit = limit,
        };
    }

    /// <summary>The opaque cursor of the page after <paramref name="cursor"/>: base64url of <c>sort|key|number</c>.</summary>
    public static string WriteCursor(string sort, CaseListCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sort}|{cursor.Key}|{cursor.Number}")));

    private static bool TryReadCursor(string text, string sort, out CaseListCursor? cursor)
    {
        cursor = null;
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 3);
        if (parts.Length != 3 || parts[0] != sort || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || parts[2].Length is 0 or > Limits.Identifier)
        {
            return false;
        }
        cursor = new CaseListCursor(key, parts[2]);
        return true;
    }

    private static ImmutableArray<string> Words(ValidationErrors errors, string? text)
    {
        if (text is null)
        {
            return [];
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (text.Length > MaxText || words.Length is 0 or > MaxWords)
        {
            errors.Add("text", $"text is 1 to {MaxWords} words separated by spaces, at most {MaxText} characters.");
            return [];
        }
        return [.. words];
    }

    private static ImmutableArray<T> Values<T>(ValidationErrors errors, string field, string[]? given, Func<string, T?> parse, string rule)
        where T : class
    {
        if (given is null || given.Length == 0)
        {
            return [];
        }
        if (given.Length > MaxValues)
        {
            errors.Add(field, $"{field} is given at most {MaxValues} times.");
            return [];
        }
        var values = ImmutableArray.CreateBuilder<T>();
        foreach (var value in given)
        {
            if (parse(value) is { } parsed)
            {
                values.Add(parsed);
            }
            else
            {
                errors.Add(field, $"'{Shorten(value)}' is not accepted: {rule}");
            }
        }
        return values.ToImmutable();
    }

    private static ImmutableArray<T> Choices<T>(ValidationErrors errors, string field, string[]? given, Func<string, T?> parse, string rule)
        where T : struct =>
        [.. Values(errors, field, given, v => parse(v) is { } x ? new Box<T>(x) : null, rule).Select(b => b.Value)];

    private sealed record Box<T>(T Value);

    private static string? Identifier(string value) => IdentifierRegex().IsMatch(value) ? value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IdentifierRegex();

    private static bool Known<TEnum>(string value, out TEnum parsed) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == value)
            {
                parsed = candidate;
                return true;
            }
        }
        parsed = default;
        return false;
    }

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Name);

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
