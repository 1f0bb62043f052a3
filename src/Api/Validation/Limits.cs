using AfterSales.Common;

namespace AfterSales.Api.Validation;

/// <summary>Size limits of the public contract (also published in the OpenAPI document); the ones the grains enforce
/// too come from <see cref="FieldLimits"/>.</summary>
internal static class Limits
{
    public const int Identifier = FieldLimits.Identifier;
    public const int Name = FieldLimits.Name;
    public const int Subject = FieldLimits.Subject;
    public const int Description = FieldLimits.Description;
    public const int NoteText = FieldLimits.NoteText;
    public const int Summary = FieldLimits.Summary;
    public const int Reason = FieldLimits.Reason;
    public const int Model = 100;
    public const int Site = 500;
    public const int Email = 254;
    public const int PhoneInput = 32;
    public const int Phones = 5;
    public const int Emails = 5;
    public const int Skills = FieldLimits.Skills;
    public const int SkillName = FieldLimits.SkillName;
    public const int SkillLevelMin = FieldLimits.SkillLevelMin;
    public const int SkillLevelMax = FieldLimits.SkillLevelMax;
    public const int CapacityMin = FieldLimits.CapacityMin;
    public const int CapacityMax = FieldLimits.CapacityMax;
    public const int IdempotencyKey = 200;
    public const int ShiftWindows = 21;
    public const int DaysOfWeek = 7;
    public const int RuleSkills = 20;
    public const int CaseTypeWeightMin = 1;
    public const int CaseTypeWeightMax = 100;
    public const int Neighbours = 10;

    /// <summary>The pattern of client-chosen ids, serials and case numbers.</summary>
    public const string IdentifierPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>A time of day in whole minutes, <c>HH:mm</c> (00:00 to 23:59).</summary>
    public const string TimeOfDayPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
}
