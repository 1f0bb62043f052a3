using System.Collections.Immutable;

namespace AfterSales.Common;

/// <summary>A refusal from a grain: what kind, a human-readable message, and where it applies.</summary>
/// <param name="Kind">The class of error; decides the HTTP status.</param>
/// <param name="Message">A message a person can act on (names the current state, the allowed actions, the field).</param>
/// <param name="Field">The request field the error is about (camelCase JSON path), when there is one.</param>
/// <param name="AllowedActions">For state conflicts: the actions the entity accepts now.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CommandError")]
public sealed record CommandError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] ImmutableArray<string> AllowedActions = default)
{
    public static CommandError NotFound(string message, string? field = null) => new(ErrorKind.NotFound, message, field);
    public static CommandError Invalid(string field, string message) => new(ErrorKind.Validation, message, field);
    public static CommandError Unprocessable(string field, string message) => new(ErrorKind.Unprocessable, message, field);
    public static CommandError Conflict(string message, ImmutableArray<string> allowed = default) => new(ErrorKind.Conflict, message, null, allowed);
    /// <param name="expected">The version the client named; negative when its If-Match named none that could be current.</param>
    public static CommandError StaleVersion(int expected, int actual) =>
        new(ErrorKind.PreconditionFailed, expected < 0
            ? $"The resource is at version {actual} (ETag \"{actual}\") and If-Match names none of its versions; re-read it and retry."
            : $"The resource is at version {actual}, not {expected}; re-read it and retry.");
}
