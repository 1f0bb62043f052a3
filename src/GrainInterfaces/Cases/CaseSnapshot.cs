using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Installation;
using AfterSales.Models;
using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>A case as seen from outside its grain. <see cref="Version"/> is the ETag.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseSnapshot")]
public sealed record CaseSnapshot(
    [property: Id(0)] string Number,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] CaseChannel Channel,
    [property: Id(4)] CaseStatus Status,
    [property: Id(5)] string CustomerId,
    [property: Id(6)] string? DeviceSerial,
    [property: Id(7)] string Subject,
    [property: Id(8)] string Description,
    [property: Id(9)] Department Department,
    [property: Id(10)] string Region,
    [property: Id(11)] string? AssignedTechnicianId,
    [property: Id(12)] ImmutableArray<CaseNote> Notes,
    [property: Id(13)] string? ResolutionSummary,
    [property: Id(14)] DateTimeOffset CreatedAt,
    [property: Id(15)] DateTimeOffset? FirstResponseAt,
    [property: Id(16)] DateTimeOffset? ResolvedAt,
    [property: Id(17)] DateTimeOffset? ClosedAt,
    [property: Id(18)] DateTimeOffset UpdatedAt,
    [property: Id(19)] int ReopenCount,
    [property: Id(20)] ImmutableArray<CaseAction> AllowedActions,
    [property: Id(21)] int Version)
{
    /// <summary>The fault category given at open (drives skill rules), or null.</summary>
    [Id(22)] public string? Category { get; init; }

    /// <summary>Why the case waits while it is queued; null when it is not queued.</summary>
    [Id(23)] public WaitingReason? Waiting { get; init; }

    /// <summary>What the case's device was entitled to on the day the case opened; null for a case without a device.</summary>
    [Id(24)] public Devices.Entitlement? Entitlement { get; init; }

    /// <summary>An installation work order's visit window; null for other cases.</summary>
    [Id(28)] public InstallationWindow? InstallationWindow { get; init; }

    /// <summary>Cases this one is related to (a failed commissioning links its work order and fault case both ways).</summary>
    [Id(29)] public ImmutableArray<RelatedCase> RelatedCases { get; init; } = [];

    /// <summary>The shipment that opened this installation work order, when one did.</summary>
    [Id(30)] public string? ShipmentId { get; init; }
    /// <summary>The fault code of a fault case (or of the faults a problem groups), or null.</summary>
    [Id(32)] public string? FaultCode { get; init; }

    /// <summary>The solutions the model knows for <see cref="FaultCode"/>, as the silo's copy of the model has them now.</summary>
    [Id(33)] public ImmutableArray<KnownSolution> KnownSolutions { get; init; } = [];

    /// <summary>The known solution the resolution recorded as the one that worked, or null.</summary>
    [Id(34)] public string? SolutionId { get; init; }

    /// <summary>A new solution the resolution described (listed for supervisors to adopt), or null.</summary>
    [Id(35)] public string? ProposedSolution { get; init; }

    /// <summary>The problem case this case is a child of, or null.</summary>
    [Id(36)] public string? Problem { get; init; }

    /// <summary>A problem's child cases, in the order they were linked.</summary>
    [Id(37)] public ImmutableArray<string> Children { get; init; } = [];

    /// <summary>What a problem case groups (model, fault code, serial range, number of faults); null for other cases.</summary>
    [Id(38)] public ProblemScope? Scope { get; init; }

    /// <summary>The maintenance and repair visits recorded on the case, in the order they were recorded.</summary>
    [Id(46)] public ImmutableArray<CaseVisit> Visits { get; init; } = [];

    /// <summary>The case's SLA as of the read: targets, due times, elapsed and paused time, met or missed, state; null
    /// when no rule of the SLA policy matches the case.</summary>
    [Id(47)] public Sla.CaseSla? Sla { get; init; }
    /// <summary>What a maintenance work order of a device's plan or rule is for (plan or rule, period, trigger, evidence,
    /// due window); null for other cases.</summary>
    [Id(39)] public Maintenance.MaintenanceOrder? Maintenance { get; init; }

    /// <summary>The satisfaction surveys issued on the case (one per resolution and per visit), oldest first, with their
    /// tokens so an agent can send the links.</summary>
    [Id(53)] public ImmutableArray<Surveys.CaseSurveyView> Surveys { get; init; } = [];
}
