namespace AfterSales.Bench.Reporting;

/// <summary>Every current target, in the order RESULTS.md lists them. Runs record checks by id; the status table shows
/// the last run that checked each. Superseded targets (e.g. intake at 250/s) stay in the run log under their own ids.</summary>
internal static class TargetCatalogue
{
    public const double IntakeRate = 500;
    public const double IntakeP99Ms = 50;
    public const double DurableCreationsPerSecond = 1_500;
    public const double DecisionsPerSecond = 20_000;
    public const int RoutingTechnicians = 1_000;
    public const int RoutingRegions = 4;
    public const double GetShareOfCeiling = 0.5;
    public const long PeakQueue = 50_000;
    public const int HeavyEvents = 10_000;
    public const int HeavyNotes = 200;
    public const double ReadingsPerSecond = 100_000;
    public const int ReadingsBatchRows = 1_000;
    public const int ReadingsBatchDevices = 100;

    public static TargetDefinition IntakeThroughput { get; } = new("intake-rate", "≥ 1,500 creations/s",
        "HTTP intake, embedded durable: ≥ 1,500 case creations/s");

    public static TargetDefinition IntakeLatency { get; } = new("intake-p99", "p99 ≤ 50 ms at 500/s",
        "HTTP intake, embedded durable: p99 ≤ 50 ms at 500 creations/s offered");

    public static TargetDefinition WritesPerCase { get; } = new("writes-per-case", "durable writes per case",
        "the durable writes a case costs from request to assignment, counted by grain type and recorded", RecordOnly: true);

    public const int ClusterSilos = 2;
    public const double ClusterCasesPerSecond = 1_000;
    public const double ClusterIntakeRate = 500;
    public const double ClusterIntakeP99Ms = 100;
    public const double ClusterShareOfUpsertCeiling = 0.6;

    public static TargetDefinition ClusterIntakeThroughput { get; } = new("cluster-intake-rate", "cluster ≥ 1,000 cases/s",
        "cluster intake: ≥ 1,000 case creations/s through the HTTP API against a 2-silo cluster on PostgreSQL");

    public static TargetDefinition ClusterIntakeLatency { get; } = new("cluster-intake-p99", "cluster p99 ≤ 100 ms at 500/s",
        "cluster intake: p99 ≤ 100 ms at 500 case creations/s offered, through the HTTP API against a 2-silo cluster on PostgreSQL");

    public static TargetDefinition ClusterWriteCeiling { get; } = new("cluster-write-ceiling", "cluster writes ≥ 60 % of upsert ceiling",
        "cluster intake: cases/s × row writes per case ≥ 60 % of the raw single-row upsert ceiling (64 writers) measured in the same run");

    public static TargetDefinition Decisions { get; } = new("decisions", "≥ 20k decisions/s",
        "≥ 20,000 assignment decisions/s in one silo, 1,000 technicians over 4 departments × 4 regions, nothing released (technicians holding hundreds of cases)");

    public static TargetDefinition PeakIntake { get; } = new("peak-intake", "peak intake within 1.5×",
        "peak: durable HTTP intake with 50,000 queued in one department-region within 1.5× of its empty-queue cost (cases/s and p99)");

    public static TargetDefinition PeakPull { get; } = new("peak-pull", "pull p99 ≤ 100 ms",
        "peak: with cases queued and technicians holding hundreds each, a resolve pulls the next queued case within 100 ms p99");

    public static TargetDefinition HeavyCase { get; } = new("heavy-case", "heavy case within 1.5×",
        "a state change on a case with 10,000 events and 200 notes within 1.5× of a new case's (p50 and p99)");

    public static TargetDefinition FairnessHttp { get; } = new("fairness-http", "fairness ±10 % (HTTP)",
        "fairness over HTTP: every technician's load within ±10 % of its pool's mean (equal capacities)");

    public static TargetDefinition FairnessInProc { get; } = new("fairness-inproc", "fairness ±10 % (in-process)",
        "fairness in-process: every technician's load within ±10 % of its pool's mean (equal capacities)");

    public static TargetDefinition GetCase { get; } = new("get-ceiling", "≥ 50 % of ceiling",
        "GET /api/cases/{number} on active cases ≥ 50 % of the plaintext ceiling");

    public static TargetDefinition Readings { get; } = new("readings-batch", "≥ 100k readings/s",
        "readings through POST /api/readings/batch, embedded durable: ≥ 100,000 readings/s (1,000-row batches, 10 rows for each of 100 devices)");

    public const int MaintenanceFleet = 1_000_000;

    public static TargetDefinition MaintenanceMemory { get; } = new("maintenance-memory", "≤ 4 GB with 1M devices",
        "maintenance: 1,000,000 devices with plans registered (their next due entries held by the scheduler), the silo's memory ≤ 4 GB");

    public static TargetDefinition MaintenanceEmission { get; } = new("maintenance-emission", "emitted ≤ 60 s after due",
        "maintenance: due work emitted (handed to its device) ≤ 60 s after its fire time, none lost, none repeated");

    public static TargetDefinition MaintenanceTick10K { get; } = new("maintenance-tick-10k", "tick cost, 10k devices",
        "maintenance: the cost of a scheduler tick with 10,000 devices held (recorded; compared with 100k and 1M)", RecordOnly: true);

    public static TargetDefinition MaintenanceTick100K { get; } = new("maintenance-tick-100k", "tick cost, 100k devices",
        "maintenance: the cost of a scheduler tick with 100,000 devices held (recorded; compared with 10k and 1M)", RecordOnly: true);

    public static TargetDefinition MaintenanceTick1M { get; } = new("maintenance-tick-1m", "tick cost, 1M devices",
        "maintenance: the cost of a scheduler tick with 1,000,000 devices held (recorded; compared with 10k and 100k)", RecordOnly: true);

    /// <summary>The tick-cost target of a fleet size the issue names, or null for any other size.</summary>
    public static TargetDefinition? MaintenanceTickCost(int devices) => devices switch
    {
        10_000 => MaintenanceTick10K,
        100_000 => MaintenanceTick100K,
        MaintenanceFleet => MaintenanceTick1M,
        _ => null,
    };

    public static IReadOnlyList<TargetDefinition> All { get; } =
        [IntakeThroughput, IntakeLatency, WritesPerCase, ClusterIntakeThroughput, ClusterIntakeLatency, ClusterWriteCeiling, Decisions, PeakIntake, PeakPull, HeavyCase, FairnessHttp, FairnessInProc, GetCase,
            Readings, MaintenanceMemory, MaintenanceEmission, MaintenanceTick10K, MaintenanceTick100K, MaintenanceTick1M];
}
