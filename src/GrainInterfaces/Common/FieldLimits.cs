namespace AfterSales.Common;

/// <summary>The size limits of the public contract, in one place: the API validates requests against them and
/// publishes them in its OpenAPI document, and the grains enforce the same numbers (a grain is the last check, so a
/// client that bypasses the API meets the same rules).</summary>
public static class FieldLimits
{
    public const int Identifier = 64;
    public const int Name = 200;
    public const int Subject = 200;
    public const int Description = 4000;
    public const int NoteText = 4000;
    public const int NotesPerCase = 200;
    public const int Summary = 2000;
    public const int Reason = 500;
    public const int Category = 64;
    public const int Skills = 20;
    public const int SkillName = 50;
    public const int SkillLevelMin = 1;
    public const int SkillLevelMax = 5;
    public const int CapacityMin = 1;
    public const int CapacityMax = 1000;
    public const int ContractsPerDevice = 100;
    /// <summary>Most children one problem case links (further faults of its range are left unlinked).</summary>
    public const int ChildrenPerProblem = 500;
    /// <summary>Deepest chain of problems above a case (a problem of problems of …) that linking accepts.</summary>
    public const int ProblemDepth = 8;
}
