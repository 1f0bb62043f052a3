namespace AfterSales.Sla;

/// <summary>How a target's time is counted. Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.Sla.SlaClockMode")]
public enum SlaClockMode
{
    /// <summary>Only the working hours of the case region's business calendar count.</summary>
    Business = 0,

    /// <summary>Every hour counts, day and night.</summary>
    Calendar = 1,
}

/// <summary>Where a case stands against a target (or against all of them). Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.Sla.SlaState")]
public enum SlaState
{
    /// <summary>Below the warning point, or stopped in time.</summary>
    Ok = 0,

    /// <summary>Past the warning point, not past the target.</summary>
    Warning = 1,

    /// <summary>Past the target (running or stopped late).</summary>
    Breached = 2,

    /// <summary>Below the warning point, but its department predicts that the next open target will be missed from
    /// the case's place in the queue and the department's recent handling times.</summary>
    AtRisk = 3,
}
