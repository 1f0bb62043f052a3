namespace AfterSales.Cases;

/// <summary>A state action on a case.</summary>
/// <param name="Summary">Resolution summary (required by <see cref="CaseAction.Resolve"/>).</param>
/// <param name="Reason">Why (optional for most actions; recorded in the history).</param>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseCommand")]
public sealed record CaseCommand(
    [property: Id(0)] CaseAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Summary = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] int? ExpectedVersion = null)
{
    /// <summary>Resolve of a case with a fault code: the id of the known solution that worked.</summary>
    [Id(5)] public string? SolutionId { get; init; }

    /// <summary>Resolve of a case with a fault code: a new solution that worked (listed for supervisors to adopt).</summary>
    [Id(6)] public string? NewSolution { get; init; }

    /// <summary>Resolve of a problem: also resolve its open children with the problem's summary.</summary>
    [Id(7)] public bool ResolveChildren { get; init; }

    /// <summary>Makes a retry answer the case as it is instead of refusing the action as already applied.</summary>
    [Id(8)] public string? IdempotencyKey { get; init; }

    /// <summary>The hash of the request the key was first used with (a retry must match it).</summary>
    [Id(9)] public string? RequestHash { get; init; }
}

/// <summary>Adds a note to a case.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.AddNoteCommand")]
public sealed record AddNoteCommand(
    [property: Id(0)] string Text,
    [property: Id(1)] NoteVisibility Visibility,
    [property: Id(2)] string Actor,
    [property: Id(3)] int? ExpectedVersion = null)
{
    /// <summary>Makes a retry answer the case as it is instead of adding the note a second time.</summary>
    [Id(4)] public string? IdempotencyKey { get; init; }

    /// <summary>The hash of the request the key was first used with (a retry must match it).</summary>
    [Id(5)] public string? RequestHash { get; init; }
}
