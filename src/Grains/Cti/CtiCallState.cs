using AfterSales.Cti;

namespace AfterSales.Cti;

/// <summary>Durable state of <see cref="CtiCallGrain"/>: the merged facts, the timeline (at most one line per event
/// kind, so three) and the callback case.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CtiCallState")]
internal sealed class CtiCallState
{
    /// <summary>The PBX's call id as sent (the grain key is its hash).</summary>
    [Id(0)] public string? CallId { get; set; }

    [Id(1)] public CallFacts? Facts { get; set; }

    [Id(2)] public DateTimeOffset StartedAt { get; set; }

    [Id(3)] public List<CallTimelineEntry> Timeline { get; set; } = [];

    /// <summary>The number the customer was looked up by, so a lookup is made once per number.</summary>
    [Id(4)] public string? LookedUpNumber { get; set; }

    [Id(5)] public string? CustomerId { get; set; }

    /// <summary>The case number claimed for the callback, stored before the case opens so a retry opens the same case.</summary>
    [Id(6)] public string? CallbackCase { get; set; }

    [Id(7)] public bool CallbackOpened { get; set; }

    /// <summary>Why the callback case was refused (no retry opens it then).</summary>
    [Id(8)] public string? CallbackRefused { get; set; }

    /// <summary>Increases with every change; the log keeps the newest.</summary>
    [Id(9)] public int Revision { get; set; }

    /// <summary>When the GDPR erase of the call's customer removed its numbers; later events add none.</summary>
    [Id(10)] public DateTimeOffset? PersonalDataErasedAt { get; set; }
}

/// <summary>Durable state of <see cref="CtiCallLogGrain"/>: nothing but its rows, one per call.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CtiCallLogState")]
internal sealed class CtiCallLogState : Persistence.IRowBackedState
{
    /// <summary>Rows written so far, so the record changes with each write (the provider writes it conditionally).</summary>
    [Id(0)] public long Writes { get; set; }

    [field: NonSerialized]
    public Persistence.StateRows<CtiCallLogEntry> Calls { get; } = new("call");

    IReadOnlyList<Persistence.IStateRows> Persistence.IRowBackedState.RowSets => [Calls];

    Persistence.EventJournal? Persistence.IRowBackedState.Journal => null;
}

/// <summary>Durable state of <see cref="CustomerCallsGrain"/>: nothing but its rows, one per call.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CustomerCallsState")]
internal sealed class CustomerCallsState : Persistence.IRowBackedState
{
    /// <summary>Rows written so far, so the record changes with each write (the provider writes it conditionally).</summary>
    [Id(0)] public long Writes { get; set; }

    [field: NonSerialized]
    public Persistence.StateRows<CustomerCall> Calls { get; } = new("call");

    IReadOnlyList<Persistence.IStateRows> Persistence.IRowBackedState.RowSets => [Calls];

    Persistence.EventJournal? Persistence.IRowBackedState.Journal => null;
}

/// <summary>A call matched to the customer: the PBX's call id, which names the call grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CustomerCall")]
internal sealed record CustomerCall([property: Id(0)] string CallId);
