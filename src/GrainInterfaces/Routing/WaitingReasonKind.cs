namespace AfterSales.Routing;

/// <summary>Why a queued case is not with a technician yet.</summary>
[GenerateSerializer, Alias("AfterSales.WaitingReasonKind")]
public enum WaitingReasonKind
{
    /// <summary>Other cases come first in queue order; someone could take this one once they are served.</summary>
    CasesAhead = 0,

    /// <summary>Nobody of the department-region is on shift (or everyone on shift is away).</summary>
    NobodyOnShift = 1,

    /// <summary>Technicians are on shift, but none has the required skills at the required level.</summary>
    NobodyQualified = 2,

    /// <summary>Qualified technicians are on shift, all at capacity.</summary>
    AllAtCapacity = 3,

    /// <summary>Only the optional skills hold the case back; they are dropped after the policy's relaxation delay.</summary>
    WaitingForRelaxation = 4,

    /// <summary>The queue is past its overflow threshold and the case is offered to neighbour regions.</summary>
    SentToNeighbour = 5,

    /// <summary>No technician of the department-region (nor of its overflow neighbours) has the required skills, on
    /// shift or not: the case cannot be served until a supervisor acts (skills, transfer or manual assignment).</summary>
    Unroutable = 6,
}
