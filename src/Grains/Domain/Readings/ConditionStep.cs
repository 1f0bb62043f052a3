namespace AfterSales.Domain.Readings;

/// <summary>A condition rule's progress after one reading of its meter.</summary>
/// <param name="Streak">Readings in a row the condition has held.</param>
/// <param name="InEpisode">The rule is in an episode (raised, not yet cleared).</param>
/// <param name="Raise">This reading began an episode: open its work order.</param>
/// <param name="Clear">This reading ended an episode.</param>
internal readonly record struct ConditionStep(int Streak, bool InEpisode, bool Raise, bool Clear)
{
    /// <summary>One episode per stretch of holding: it raises once the condition held <paramref name="sustained"/>
    /// readings in a row and ends at the first reading where it no longer holds; a window not yet full changes nothing.</summary>
    public static ConditionStep Next(int streak, bool inEpisode, bool? holds, int sustained) => holds switch
    {
        null => new(streak, inEpisode, false, false),
        true when inEpisode => new(streak + 1, true, false, false),
        true => streak + 1 >= Math.Max(1, sustained) ? new(streak + 1, true, true, false) : new(streak + 1, false, false, false),
        false => new(0, false, false, inEpisode),
    };
}
