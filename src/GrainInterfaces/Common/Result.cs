namespace AfterSales.Common;

/// <summary>The outcome of a grain command: a value, or the reason it was refused. Refusals are
/// values, not exceptions, so they cross the grain boundary cheaply and map to HTTP statuses exactly.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Result`1")]
public sealed record Result<T>([property: Id(0)] T? Value, [property: Id(1)] CommandError? Error)
    where T : class
{
    /// <summary>True when the command was applied (or was an idempotent replay).</summary>
    public bool IsSuccess => Error is null;

    /// <summary>True when the command was a replay of one applied before with the same idempotency key.</summary>
    [Id(2)] public bool Replayed { get; init; }

    public static implicit operator Result<T>(CommandError error) => new(null, error);
}

/// <summary>Factory methods for <see cref="Result{T}"/>.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) where T : class => new(value, null);
    public static Result<T> Replay<T>(T value) where T : class => new(value, null) { Replayed = true };
    public static Result<T> Fail<T>(CommandError error) where T : class => new(null, error);
}
