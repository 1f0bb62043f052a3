namespace AfterSales.Bench.Options;

/// <summary>What one operation of the load does.</summary>
internal enum ScenarioKind
{
    /// <summary>Create a case (all types, customers in every region).</summary>
    Intake,
    /// <summary>Create a case and check it was assigned; report decision latency and fairness.</summary>
    Routing,
    /// <summary>Create → start → resolve → close.</summary>
    Lifecycle,
    /// <summary>Read an active case.</summary>
    Get,
    /// <summary>Peak season: fault cases of one region queue with nobody on shift; intake cost per window of queue
    /// length, then technicians come on shift and each resolve must pull the next queued case.</summary>
    Peak,
    /// <summary>A state change on a case with thousands of events and the most notes, against the same on new cases.</summary>
    HeavyCase,
    /// <summary>Gateways send batches of meter readings for the devices behind them.</summary>
    Readings,
    /// <summary>The maintenance scheduler at fleet scale: a fleet's due entries held, probes handed over at their fire
    /// time; emission delay, tick cost and memory.</summary>
    Maintenance,
    /// <summary>Intake while probes time how long an acknowledged case takes to be listed (<c>GET /api/cases</c>) and
    /// how far the list's checkpoint trails the journal; after the load, how long it takes to catch up.</summary>
    FeedLag,
    /// <summary>Reads of the case list's figures at scale: N list rows seeded straight into the store, then
    /// GET /api/kpis and GET /api/cases with typical filters.</summary>
    KpiRead,
    /// <summary>Live SLA clocks at scale: many open cases under short calendar-time targets; the lag from each
    /// warning point and due time to its event, and the server's memory.</summary>
    SlaClocks,
}
