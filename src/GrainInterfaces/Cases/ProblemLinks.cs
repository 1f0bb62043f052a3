using System.Collections.Immutable;

namespace AfterSales.Cases;

/// <summary>Opens a problem case found by detection (the grain key is the number detection took for it).</summary>
/// <param name="Region">Where the problem is handled: technical-support of the region of the fault that completed the cluster.</param>
/// <param name="Children">The fault cases of the cluster, linked as the problem's first children.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.OpenProblemRequest")]
public sealed record OpenProblemRequest(
    [property: Id(0)] ProblemScope Scope,
    [property: Id(1)] string Region,
    [property: Id(2)] ImmutableArray<string> Children,
    [property: Id(3)] string Actor);

/// <summary>Links <paramref name="ChildNumber"/> to a problem.</summary>
/// <param name="Detected">True when problem detection links it (it fell in the problem's range), false for a supervisor.</param>
/// <param name="Scope">Detection's widened scope of the problem once the child is in, or null to keep the scope.</param>
/// <param name="ExpectedVersion">The problem's version from the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.AddChildRequest")]
public sealed record AddChildRequest(
    [property: Id(0)] string ChildNumber,
    [property: Id(1)] string Actor,
    [property: Id(2)] bool Detected = false,
    [property: Id(3)] ProblemScope? Scope = null,
    [property: Id(4)] int? ExpectedVersion = null);

/// <summary>A problem tells a case it is its child.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ProblemAttachment")]
public sealed record ProblemAttachment(
    [property: Id(0)] string ProblemNumber,
    [property: Id(1)] string Actor,
    [property: Id(2)] bool Detected);

/// <summary>A problem resolved with its children tells each open child.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ProblemResolution")]
public sealed record ProblemResolution(
    [property: Id(0)] string ProblemNumber,
    [property: Id(1)] string Summary,
    [property: Id(2)] string Actor);

/// <summary>What a child did when its problem was resolved with its children.</summary>
[GenerateSerializer, Alias("AfterSales.ChildResolutionOutcome")]
public enum ChildResolutionOutcome
{
    /// <summary>Resolved with the problem's summary (started first when it was assigned but not started).</summary>
    Resolved = 0,
    /// <summary>Already resolved, closed or cancelled: left as it was.</summary>
    AlreadyEnded = 1,
    /// <summary>Still waiting for a technician (new): the state machine cannot resolve it, so it was left open.</summary>
    NotStarted = 2,
    /// <summary>Its technician refused to start it (went off shift), so it was left open.</summary>
    Refused = 3,
    /// <summary>Not a child of that problem (any more): left as it was.</summary>
    NotChild = 4,
}

/// <summary>A child's answer to its problem's resolution.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ChildResolution")]
public sealed record ChildResolution(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] ChildResolutionOutcome Outcome,
    [property: Id(2)] CaseStatus? Status);
