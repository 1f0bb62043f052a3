namespace AfterSales.Common;

/// <summary>Durable state of <see cref="IdempotencyExpiryGrain"/>: the open page of keys and how many were sealed.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.IdempotencyExpiryState")]
internal sealed class IdempotencyExpiryState
{
    /// <summary>When the listed records are removed; default until the first key is listed.</summary>
    [Id(0)] public DateTimeOffset WindowEnd { get; set; }

    /// <summary>Keys not yet sealed into a page (fewer than a page).</summary>
    [Id(1)] public List<string> Keys { get; set; } = [];

    /// <summary>Pages sealed so far: <c>0 .. SealedPages-1</c>.</summary>
    [Id(2)] public int SealedPages { get; set; }

    [Id(3)] public bool ReminderRegistered { get; set; }
}

/// <summary>Durable state of <see cref="IdempotencyExpiryPageGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.IdempotencyExpiryPageState")]
internal sealed class IdempotencyExpiryPageState
{
    [Id(0)] public List<string> Keys { get; set; } = [];
}
