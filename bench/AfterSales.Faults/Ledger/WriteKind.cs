namespace AfterSales.Faults.Ledger;

/// <summary>The writes the load client sends.</summary>
public enum WriteKind
{
    /// <summary><c>POST /api/cases</c> with an <c>Idempotency-Key</c>; the subject carries the write's token.</summary>
    OpenCase,

    /// <summary><c>POST /api/cases/{number}/start</c> of a case the ledger saw acknowledged as assigned.</summary>
    StartCase,
}

/// <summary>How a write ended for the client.</summary>
public enum WriteOutcome
{
    /// <summary>Still being sent or retried.</summary>
    Pending,

    /// <summary>An attempt answered 2xx: the write must be in the database, exactly once.</summary>
    Acknowledged,

    /// <summary>A definitive refusal (a 4xx other than 408/429): nothing to find, nothing may be duplicated.</summary>
    Refused,

    /// <summary>The client gave up without a 2xx: the write may or may not be stored, but at most once.</summary>
    Unknown,
}
