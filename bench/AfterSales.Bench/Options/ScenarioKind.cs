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
}
