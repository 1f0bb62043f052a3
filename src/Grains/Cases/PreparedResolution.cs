using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>What a state action brings besides the transition, checked (and for a problem's children, carried out)
/// before the case changes: the known solution named, the new one described, the children's answers.</summary>
/// <param name="Error">Why the action is refused; null when it may go ahead.</param>
/// <param name="Children">The children's answers when the problem was resolved with them; default otherwise.</param>
internal sealed record PreparedResolution(
    CommandError? Error,
    KnownSolutionChoice? Solution = null,
    string? NewSolution = null,
    ImmutableArray<ChildResolution> Children = default)
{
    public static PreparedResolution None { get; } = new(Error: null);

    public static PreparedResolution Refused(CommandError error) => new(error);
}

/// <summary>The known solution a resolution named, with its summary for the journal.</summary>
internal sealed record KnownSolutionChoice(string Id, string Summary);
