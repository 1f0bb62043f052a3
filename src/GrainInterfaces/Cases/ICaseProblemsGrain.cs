using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>A case's side of problems: a problem's children and a child's problem. The case grain implements it, so
/// for one case number this and <see cref="ICaseGrain"/> reach the same activation.</summary>
/// <remarks>Links are made by the problem: it checks for a cycle, asks the child to attach (the child refuses when it
/// has another problem), then records the child; both journals record the link. Children never await their problem,
/// so a problem may await its children (attach, resolve).</remarks>
[Alias("AfterSales.ICaseProblemsGrain")]
public interface ICaseProblemsGrain : IGrainWithStringKey
{
    /// <summary>Opens this case as a problem found by detection, routes it like any case, and links its first
    /// children. Idempotent: a repeat links the children still missing.</summary>
    [Alias("OpenProblem")]
    Task<Result<CaseSnapshot>> OpenProblemAsync(OpenProblemRequest request);

    /// <summary>Links a child case to this problem: 404 (<c>caseNumber</c>) when it does not exist; 409 when this case
    /// is not an open problem, when the child has another problem, or when the link would make a cycle; a repeat is a
    /// no-op.</summary>
    [Alias("AddChild")]
    Task<Result<CaseSnapshot>> AddChildAsync(AddChildRequest request);

    /// <summary>The problem tells this case it is now its child (idempotent for the same problem; refused with a
    /// conflict when the case has another problem).</summary>
    [Alias("AttachToProblem")]
    Task<Result<CaseSnapshot>> AttachToProblemAsync(ProblemAttachment attachment);

    /// <summary>The problem this case is a child of, or null. Read-only and interleaving: a problem checking its
    /// ancestors for a cycle may ask a case that is itself waiting on that problem.</summary>
    [Alias("GetProblem"), ReadOnly, AlwaysInterleave]
    Task<string?> GetProblemAsync();

    /// <summary>The problem was resolved with its children: this case resolves with the problem's summary through
    /// its own state machine, or says why it was left as it is.</summary>
    [Alias("ResolveWithProblem")]
    Task<ChildResolution> ResolveWithProblemAsync(ProblemResolution resolution);
}
