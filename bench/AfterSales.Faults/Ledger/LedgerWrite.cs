namespace AfterSales.Faults.Ledger;

/// <summary>One logical write and its end: a case opened under an idempotency key (retried with the same key) or a
/// case started.</summary>
public sealed class LedgerWrite
{
    internal LedgerWrite(long id, WriteKind kind, string token, string? caseNumber)
    {
        Id = id;
        Kind = kind;
        Token = token;
        CaseNumber = caseNumber;
    }

    public long Id { get; }

    public WriteKind Kind { get; }

    /// <summary>Unique per write: the <c>Idempotency-Key</c> and the subject of an opened case.</summary>
    public string Token { get; }

    /// <summary>The case a start targets, or the case an acknowledged open created.</summary>
    public string? CaseNumber { get; private set; }

    public WriteOutcome Outcome { get; private set; }

    /// <summary>The case status an acknowledged open answered (<c>assigned</c>, <c>new</c>).</summary>
    public string? AnsweredStatus { get; private set; }

    /// <summary>The technician an acknowledged open answered as assigned.</summary>
    public string? AnsweredTechnician { get; private set; }

    public int Tries { get; private set; }

    /// <summary>When the first attempt was sent (offset from the ledger's start).</summary>
    public TimeSpan FirstSentAt { get; private set; }

    internal void Count(Attempt attempt)
    {
        if (Tries++ == 0)
        {
            FirstSentAt = attempt.SentAt;
        }
    }

    internal void Settle(WriteOutcome outcome, string? caseNumber, string? status, string? technician)
    {
        Outcome = outcome;
        CaseNumber = caseNumber ?? CaseNumber;
        AnsweredStatus = status;
        AnsweredTechnician = technician;
    }
}
