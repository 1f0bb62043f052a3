namespace AfterSales.Bench.Options;

/// <summary>One bench run, as parsed from the command line by <see cref="OptionsParser"/>.</summary>
internal sealed class BenchOptions
{
    public BenchMode Mode { get; set; } = BenchMode.Http;

    public ScenarioKind Scenario { get; set; } = ScenarioKind.Intake;

    /// <summary>HTTP mode: a running instance (loopback only), the first of <see cref="Urls"/>. Null: the bench starts
    /// the API itself.</summary>
    public Uri? Url => Urls.Count > 0 ? Urls[0] : null;

    /// <summary>HTTP mode: the running instances the requests are spread over, in turn (e.g. the API co-hosted in each
    /// silo of a cluster). Empty: the bench starts the API itself.</summary>
    public IReadOnlyList<Uri> Urls { get; set; } = [];

    public bool SelfHost => Mode == BenchMode.Http && Url is null;

    /// <summary>HTTP mode with <see cref="Url"/>: the PostgreSQL database of the cluster behind that API (Npgsql
    /// connection string, loopback only). Counts the row writes of the measured phase per table and measures the raw
    /// upsert ceiling of that database in the same run. Null: neither.</summary>
    public string? Postgres { get; set; }

    /// <summary>Open loop at this many operations per second; null for a closed loop.</summary>
    public double? Rate { get; set; }

    /// <summary>Closed loop: operations in flight. Also the concurrency the plaintext ceiling is driven with. Default 64;
    /// 32 writers for <c>peak</c>, 1 for <c>heavy-case</c> (one case changes state one change at a time).</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>Open loop: cap on operations in flight (beyond it sends wait, and the wait counts as latency). Default 1,000.</summary>
    public int MaxInFlight { get; set; } = 1_000;

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Load applied before measuring (JIT, activations, connection pool), not recorded. Default 3 s.</summary>
    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Cap on measured operations. Default 1,000,000.</summary>
    public long MaxOperations { get; set; } = 1_000_000;

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the plaintext ceiling is driven; default the smaller of the duration and 10 s; zero skips it.</summary>
    public TimeSpan? CeilingDuration { get; set; }

    /// <summary>In-process mode: memory grain storage instead of the embedded durable storage.</summary>
    public bool MemoryStorage { get; set; }

    public int Customers { get; set; } = 1_000;

    /// <summary>Technicians seeded across every department-region; default 1,000 for routing, 400 otherwise.</summary>
    public int? Technicians { get; set; }

    /// <summary>Capacity units of every seeded technician (equal, so fairness is measurable); default the most each
    /// path accepts: 50 through the API, 1,000 in-process.</summary>
    public int? Capacity { get; set; }

    /// <summary>kpi-read: case-list rows seeded into the store before the reads. Default 1,000,000.</summary>
    public int ListRows { get; set; } = 1_000_000;

    /// <summary>Cases created before a <c>get</c> run and read during it. Default 1,000.</summary>
    public int ActiveCases { get; set; } = 1_000;

    /// <summary>readings: devices registered and read; maintenance: devices whose plans' next due entries the scheduler
    /// holds (one entry each). Default: 10,000 for readings, 1,000,000 for maintenance (<see cref="DevicesOrDefault"/>).</summary>
    public int? Devices { get; set; }

    /// <summary>The device count of the scenario: <see cref="Devices"/> when given, else the scenario's default.</summary>
    public int DevicesOrDefault => Devices ?? (Scenario == ScenarioKind.Maintenance ? 1_000_000 : 10_000);

    /// <summary>readings: rows of one batch.</summary>
    public int BatchRows { get; set; } = 1_000;

    /// <summary>readings: devices behind one gateway (the rows of a batch spread over them).</summary>
    public int BatchDevices { get; set; } = 100;

    /// <summary>Regions to spread customers and technicians over; null: the default <c>east, west, north, south</c>
    /// (and the server's configuration is left alone).</summary>
    public IReadOnlyList<string>? Regions { get; set; }

    /// <summary>Routing in-process: submit tickets straight to department grains (decision cost only).</summary>
    public bool DecisionsOnly { get; set; }

    /// <summary>With <see cref="DecisionsOnly"/>: release each case at its technician right after it is assigned, so
    /// technicians hold a realistic handful of cases instead of piling up hundreds (nothing is ever released
    /// otherwise). Only the decisions are counted; the release's cost is in the run's CPU. A different scenario
    /// from the plain decisions-only run: its results are labelled apart.</summary>
    public bool ReleaseAssigned { get; set; }

    /// <summary>Send an <c>Idempotency-Key</c> with every create (in-process: claim the key on its grain first, as
    /// the API does).</summary>
    public bool IdempotencyKeys { get; set; }

    /// <summary>Peak: the measured phase stops once this many cases are queued in the department-region. Default 50,000.</summary>
    public long QueueTarget { get; set; } = 50_000;

    /// <summary>Peak: queued cases per reporting window. Default 1,000.</summary>
    public int WindowSize { get; set; } = 1_000;

    /// <summary>Peak: resolves whose pull of the next queued case is timed. Default 200.</summary>
    public int Resolves { get; set; } = 200;

    /// <summary>Peak: resolves in flight at once, each on technicians of its own. Default 4.</summary>
    public int PullWorkers { get; set; } = 4;

    /// <summary>Peak: how long the queue may take to fill the technicians once they come on shift. Default 2 min.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Peak: pause between two reads of a technician while waiting for its next case. Default 2 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Heavy case: events the case holds before measuring. Default 10,000.</summary>
    public int HeavyEvents { get; set; } = 10_000;

    /// <summary>Heavy case: notes the case holds (the most a case keeps is 200). Default 200.</summary>
    public int HeavyNotes { get; set; } = 200;

    /// <summary>Heavy case: new cases the same state changes are measured on, in turn. Default 100.</summary>
    public int FreshCases { get; set; } = 100;

    /// <summary>SLA clocks: open cases held with live clocks. Default 100,000.</summary>
    public int Cases { get; set; } = 100_000;

    /// <summary>SLA clocks: the first-response target (calendar time; next update twice, resolution three times it),
    /// warning at 75 %. Default 10 minutes (at least 1 minute, the policy's shortest target).</summary>
    public TimeSpan SlaTarget { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Maintenance: entries that fall due during the measured phase, spread evenly over it. Default 2,000.</summary>
    public int Probes { get; set; } = 2_000;

    /// <summary>Maintenance: the fleet's entries fall due evenly over this span, starting after the run. Default 30 days.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Maintenance: the span over which the probes fall due; 0 makes them all due at the same moment (a burst).
    /// Default 80 % of the measured phase.</summary>
    public TimeSpan? ProbeSpread { get; set; }

    /// <summary>Maintenance: hold the fleet one entry per call (<c>ScheduleAsync</c>, 256 in flight), as devices do when
    /// each schedules its own next occurrence, instead of the bulk path.</summary>
    public bool PerEntry { get; set; }

    /// <summary>Maintenance: register the fleet as devices with a plan (customers, a model, the devices through the fleet
    /// import, whose first occurrences the scheduler then holds) instead of holding bare scheduler entries.</summary>
    public bool RegisterDevices { get; set; }

    /// <summary>Seed of the ids and of the case mix, so a run can be repeated.</summary>
    public int Seed { get; set; } = Environment.TickCount & 0x7fff_ffff;

    /// <summary>Free text recorded with the result (e.g. "quiet box" or "others building").</summary>
    public string? Note { get; set; }

    /// <summary>Results file whose status table is rebuilt; the run log is <c>results/runs.jsonl</c> beside it. Default
    /// <c>bench/RESULTS.md</c> of the repository.</summary>
    public string? ResultsPath { get; set; }

    /// <summary>Only rebuild the status table of the results file from its run log; run nothing.</summary>
    public bool RefreshStatusOnly { get; set; }

    public bool WriteResults { get; set; } = true;

    /// <summary>Self-host: the API assembly to start; default the one built with the bench.</summary>
    public string? ApiAssembly { get; set; }

    /// <summary>Extra configuration for the hosted silo or API (<c>--set Key=Value</c>, <c>:</c>-separated keys).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool KeepData { get; set; }

    /// <summary>The arguments as given, for the results file.</summary>
    public IReadOnlyList<string> Arguments { get; set; } = [];

    public int TechnicianCount => Technicians ?? Scenario switch
    {
        ScenarioKind.Routing => 1_000,
        // Peak: technicians of the one department-region, enough to hold 10,000 fault cases at 1,000 units each.
        ScenarioKind.Peak => 20,
        // Heavy case: one per department-region, only so every case is assigned and can change state.
        ScenarioKind.HeavyCase => 16,
        // Maintenance: the scheduler hands over to devices; nobody is routed.
        ScenarioKind.Maintenance => 0,
        _ => 400,
    };

    public int TechnicianCapacity => Capacity ?? 1_000;

    public TimeSpan EffectiveCeilingDuration =>
        CeilingDuration ?? (Duration < TimeSpan.FromSeconds(10) ? Duration : TimeSpan.FromSeconds(10));

    public IReadOnlyList<string> EffectiveRegions => Regions ?? ["east", "west", "north", "south"];
}
