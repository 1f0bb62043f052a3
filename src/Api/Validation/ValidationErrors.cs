using Microsoft.AspNetCore.Http.HttpResults;
using AfterSales.Api.Problems;

namespace AfterSales.Api.Validation;

/// <summary>Collects field-level messages while a request is checked, so one answer lists every mistake.
/// Field names are camelCase JSON paths (<c>skills[1].level</c>), header names (<c>If-Match</c>) or route
/// parameter names (<c>number</c>).</summary>
internal sealed class ValidationErrors
{
    private Dictionary<string, List<string>>? errors;

    public bool HasErrors => errors is not null;

    public void Add(string field, string message)
    {
        errors ??= new(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors?.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal) ?? [];

    /// <summary>A 400 answer listing every collected message.</summary>
    public ProblemHttpResult ToProblem() =>
        ApiProblems.Create(StatusCodes.Status400BadRequest, ToDictionary(), "One or more fields are invalid.");
}
