namespace AfterSales.Bench.Drivers;

/// <summary>The outcome of one call to the system under test: success, or an error key (HTTP status such as
/// <c>409</c>, a grain error kind such as <c>Conflict</c>, <c>timeout</c>, <c>connection</c>) with a detail.</summary>
internal readonly record struct CallResult(string? Error, string? Detail = null)
{
    public static CallResult Ok { get; } = new(null);

    public bool IsSuccess => Error is null;

    public static CallResult Fail(string error, string? detail = null) => new(error, detail);
}

/// <summary>A <see cref="CallResult"/> that carries a value on success.</summary>
internal readonly record struct CallResult<T>(T? Value, string? Error, string? Detail = null)
{
    public bool IsSuccess => Error is null;

    public static CallResult<T> Ok(T value) => new(value, null);

    public static CallResult<T> Fail(string error, string? detail = null) => new(default, error, detail);

    public static implicit operator CallResult<T>(CallResult failure) => new(default, failure.Error, failure.Detail);
}
