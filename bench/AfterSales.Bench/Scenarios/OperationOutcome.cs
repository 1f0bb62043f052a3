namespace AfterSales.Bench.Scenarios;

/// <summary>How one operation ended: success (optionally tagged, e.g. <c>assigned</c>) or an error key with a detail.</summary>
internal readonly record struct OperationOutcome(string? Error, string? Detail = null, string? Tag = null)
{
    public static OperationOutcome Success(string? tag = null) => new(null, null, tag);

    public static OperationOutcome Failure(string error, string? detail) => new(error, detail);
}
