using System.Globalization;
using AfterSales.Api.Validation;

namespace AfterSales.Api.Cases;

/// <summary>The paging parameters of <c>GET /api/cases/{number}/history</c>.</summary>
internal readonly record struct CaseHistoryQuery(int After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>after</c> (a sequence ≥ 0, default 0) and <c>limit</c> (1–<see cref="MaxLimit"/>, default
    /// <see cref="DefaultLimit"/>); a value that is not such a number is a field error.</summary>
    public static CaseHistoryQuery Parse(ValidationErrors errors, string? after, string? limit)
    {
        var afterValue = 0;
        if (after is not null && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterValue)))
        {
            errors.Add("after", "after is the sequence number to continue after: a whole number of 0 or more.");
        }
        var limitValue = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out limitValue) || limitValue is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        }
        return new CaseHistoryQuery(afterValue, limitValue);
    }

    /// <summary>The path of the page after <paramref name="after"/>.</summary>
    public static string PageLink(string number, int after, int limit) => PageLink("cases", number, after, limit);

    /// <summary>The next page of the history of <c>/api/{collection}/{id}</c> (cases and devices page the same way).</summary>
    public static string PageLink(string collection, string id, int after, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/{collection}/{Uri.EscapeDataString(id)}/history?after={after}&limit={limit}");
}
