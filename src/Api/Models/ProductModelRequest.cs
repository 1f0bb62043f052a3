using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Models;

namespace AfterSales.Api.Models;

/// <summary>A product model's whole definition, replacing the current one. Lists left out are empty. Solutions already
/// known for a fault code the definition keeps stay (with their counts); solutions listed here with a new id are added.</summary>
/// <param name="Name">Display name (max 200).</param>
/// <param name="WarrantyMonths">Default warranty length, 0 to 120 months, from the warranty's start.</param>
/// <param name="InstallationSkills">Skills an installation of this model needs (routing requires them; at most 20, names unique).</param>
/// <param name="MaintenanceSkills">Skills maintaining this model needs (routing requires them; at most 20, names unique).</param>
/// <param name="Checklist">The commissioning checklist, in order (at most 100 items, ids unique).</param>
/// <param name="MaintenancePlans">Preventive maintenance plans (at most 20, ids unique).</param>
/// <param name="FaultCodes">Known fault codes with their solutions (at most 500, codes unique regardless of case).</param>
public sealed record ProductModelRequest(
    [property: Required, StringLength(Limits.Name, MinimumLength = 1), Example("\"Heat pump HX-200\"")] string? Name,
    [property: Required, Example("24"), Range(ProductModelLimits.WarrantyMonthsMin, ProductModelLimits.WarrantyMonthsMax)] int? WarrantyMonths,
    [property: MaxLength(Limits.Skills)] IReadOnlyList<SkillRequirementRequest>? InstallationSkills = null,
    [property: MaxLength(Limits.Skills)] IReadOnlyList<SkillRequirementRequest>? MaintenanceSkills = null,
    [property: MaxLength(ProductModelLimits.ChecklistItems)] IReadOnlyList<ChecklistItemRequest>? Checklist = null,
    [property: MaxLength(ProductModelLimits.MaintenancePlans)] IReadOnlyList<MaintenancePlanRequest>? MaintenancePlans = null,
    [property: MaxLength(ProductModelLimits.FaultCodes)] IReadOnlyList<FaultCodeRequest>? FaultCodes = null)
{
    /// <summary>The definition as the model grain takes it; the grain checks the values (ranges, units, duplicates)
    /// and answers with the path of the first mistake.</summary>
    internal DefineProductModelRequest? ToContract(ValidationErrors errors, string actor)
    {
        var name = errors.RequiredText("name", Name, Limits.Name);
        var warrantyMonths = errors.RequiredValue("warrantyMonths", WarrantyMonths);
        var installation = errors.OptionalList("installationSkills", InstallationSkills, (skill, at) => skill.ToContract(errors, at));
        var maintenance = errors.OptionalList("maintenanceSkills", MaintenanceSkills, (skill, at) => skill.ToContract(errors, at));
        var checklist = errors.OptionalList("checklist", Checklist, (item, at) => item.ToContract(errors, at));
        var plans = errors.OptionalList("maintenancePlans", MaintenancePlans, (plan, at) => plan.ToContract(errors, at));
        var faultCodes = errors.OptionalList("faultCodes", FaultCodes, (code, at) => code.ToContract(errors, at));
        return errors.HasErrors
            ? null
            : new DefineProductModelRequest(name!, installation!.Value, maintenance!.Value, checklist!.Value, plans!.Value,
                faultCodes!.Value, warrantyMonths!.Value, actor);
    }
}

/// <summary>One step of the commissioning checklist.</summary>
/// <param name="Id">Unique within the checklist, e.g. <c>supply-voltage</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Text">What the technician does or measures (max 500).</param>
/// <param name="Kind"><c>check</c> (passed or failed) or <c>measurement</c> (a value in a unit, passed within the range).</param>
/// <param name="Unit">A measurement's unit, e.g. <c>V</c> or <c>bar</c> (max 16); a check has none.</param>
/// <param name="Min">A measurement's lowest expected value (inclusive); none for no lower bound. A check has none.</param>
/// <param name="Max">A measurement's highest expected value (inclusive), not below <paramref name="Min"/>. A check has none.</param>
/// <param name="Required">A required item must be answered before the report can be submitted. Default true.</param>
public sealed record ChecklistItemRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"supply-voltage\"")] string? Id,
    [property: Required, StringLength(ProductModelLimits.ChecklistText, MinimumLength = 1), Example("\"Measure the supply voltage\"")] string? Text,
    [property: Required] ChecklistItemKind? Kind,
    [property: StringLength(ProductModelLimits.Unit, MinimumLength = 1), Example("\"V\"")] string? Unit = null,
    [property: Range(-ProductModelLimits.BoundMagnitude, ProductModelLimits.BoundMagnitude), Example("210")] decimal? Min = null,
    [property: Range(-ProductModelLimits.BoundMagnitude, ProductModelLimits.BoundMagnitude), Example("240")] decimal? Max = null,
    bool? Required = null)
{
    internal ChecklistItemTemplate? ToContract(ValidationErrors errors, string path)
    {
        var id = errors.RequiredIdentifier($"{path}.id", Id);
        var text = errors.RequiredText($"{path}.text", Text, ProductModelLimits.ChecklistText);
        var kind = errors.RequiredValue($"{path}.kind", Kind);
        var unit = errors.OptionalText($"{path}.unit", Unit, ProductModelLimits.Unit);
        return id is null || text is null || kind is null ? null : new ChecklistItemTemplate(id, text, kind.Value, unit, Min, Max, Required ?? true);
    }
}

/// <summary>A preventive maintenance plan, of a model (inherited by its devices) or of one device. It has exactly one
/// schedule: intervalDays, intervalWeeks or intervalMonths (counted from the device's entry into service, then from its
/// last visit), recurrence (an RFC 5545 rule from the entry into service), or meter with usageInterval (a work order
/// each time the meter crosses a multiple of it).</summary>
/// <param name="Id">Unique within the model, e.g. <c>annual-service</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Name">Display name (max 200).</param>
/// <param name="EstimatedMinutes">Expected duration of a visit, 1 to 1440 minutes.</param>
/// <param name="Tasks">What a visit does, in order (at most 50, each 1 to 500 characters).</param>
/// <param name="IntervalDays">Days between two visits, 1 to 3650.</param>
/// <param name="IntervalWeeks">Weeks between two visits, 1 to 520.</param>
/// <param name="IntervalMonths">Calendar months between two visits, 1 to 120 (a day the month lacks falls on its last day).</param>
/// <param name="Recurrence">An RFC 5545 RRULE value, at most daily (max 500), e.g. <c>FREQ=YEARLY;BYMONTH=3;BYDAY=1MO</c>.</param>
/// <param name="Meter">The meter a usage-based plan counts (an identifier, e.g. <c>operatingHours</c>).</param>
/// <param name="UsageInterval">Units of the meter between two visits (above 0, at most 1000000000).</param>
/// <param name="LeadDays">Days before the due day that the work order is generated, 0 to 365 (default 0; time-based plans only).</param>
/// <param name="WindowDays">Days after the due day that the visit still counts as on time, 0 to 365 (default 0); later it is overdue.</param>
public sealed record MaintenancePlanRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"annual-service\"")] string? Id,
    [property: Required, StringLength(Limits.Name, MinimumLength = 1), Example("\"Annual service\"")] string? Name,
    [property: Required, Range(ProductModelLimits.EstimatedMinutesMin, ProductModelLimits.EstimatedMinutesMax), Example("90")] int? EstimatedMinutes,
    [property: MaxLength(ProductModelLimits.PlanTasks), ItemLength(ProductModelLimits.PlanTaskText), Example("[\"Clean the filter\",\"Check the pressure\"]")] IReadOnlyList<string>? Tasks = null,
    [property: Range(ProductModelLimits.IntervalDaysMin, ProductModelLimits.IntervalDaysMax), Example("365")] int? IntervalDays = null,
    [property: Range(1, ProductModelLimits.IntervalWeeksMax), Example("26")] int? IntervalWeeks = null,
    [property: Range(1, ProductModelLimits.IntervalMonthsMax), Example("6")] int? IntervalMonths = null,
    [property: StringLength(ProductModelLimits.RecurrenceLength, MinimumLength = 1), Example("\"FREQ=YEARLY;BYMONTH=3;BYDAY=1MO\"")] string? Recurrence = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"operatingHours\"")] string? Meter = null,
    [property: Range(0.000001, ProductModelLimits.UsageIntervalMax), Example("500")] decimal? UsageInterval = null,
    [property: Range(0, ProductModelLimits.LeadDaysMax), Example("14")] int? LeadDays = null,
    [property: Range(0, ProductModelLimits.WindowDaysMax), Example("7")] int? WindowDays = null)
{
    internal MaintenancePlanTemplate? ToContract(ValidationErrors errors, string path)
    {
        var id = errors.RequiredIdentifier(At(path, "id"), Id);
        var name = errors.RequiredText(At(path, "name"), Name, Limits.Name);
        var minutes = errors.RequiredValue(At(path, "estimatedMinutes"), EstimatedMinutes);
        var tasks = errors.OptionalList(At(path, "tasks"), Tasks, (task, at) => errors.RequiredText(at, task, ProductModelLimits.PlanTaskText));
        var recurrence = errors.OptionalText(At(path, "recurrence"), Recurrence, ProductModelLimits.RecurrenceLength);
        var meter = errors.OptionalIdentifier(At(path, "meter"), Meter);
        return id is null || name is null || minutes is null || tasks is null || (Recurrence is not null && recurrence is null) || (Meter is not null && meter is null)
            ? null
            : new MaintenancePlanTemplate(id, name, IntervalDays ?? 0, tasks.Value, minutes.Value)
            {
                IntervalWeeks = IntervalWeeks ?? 0,
                IntervalMonths = IntervalMonths ?? 0,
                Recurrence = recurrence,
                Meter = meter,
                UsageInterval = UsageInterval ?? 0,
                LeadDays = LeadDays ?? 0,
                WindowDays = WindowDays ?? 0,
            };
    }

    private static string At(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}

/// <summary>A fault the model is known to show.</summary>
/// <param name="Code">E.g. <c>E42</c>; unique within the model regardless of case (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Description">What the fault is (max 4000).</param>
/// <param name="Solutions">Solutions known to fix it (at most 50).</param>
public sealed record FaultCodeRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"E42\"")] string? Code,
    [property: Required, StringLength(Limits.Description, MinimumLength = 1), Example("\"Low refrigerant pressure\"")] string? Description,
    [property: MaxLength(ProductModelLimits.SolutionsPerFaultCode)] IReadOnlyList<SolutionRequest>? Solutions = null)
{
    internal FaultCode? ToContract(ValidationErrors errors, string path)
    {
        var code = errors.RequiredIdentifier($"{path}.code", Code);
        var description = errors.RequiredMultilineText($"{path}.description", Description, Limits.Description);
        var index = 0;
        var solutions = errors.OptionalList($"{path}.solutions", Solutions, (solution, at) => solution.ToContract(errors, at, $"{code}-{++index}"));
        return code is null || description is null || solutions is null ? null : new FaultCode(code, description, solutions.Value);
    }
}

/// <summary>A solution known to fix a fault code.</summary>
/// <param name="Summary">What fixes it (max 2000).</param>
/// <param name="Id">Unique within the model; left out: <c>{code}-{n}</c> by its place in the list (E42-1, E42-2, …).</param>
public sealed record SolutionRequest(
    [property: Required, StringLength(Limits.Summary, MinimumLength = 1), Example("\"Find and seal the leak, then recharge.\"")] string? Summary,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id = null)
{
    internal KnownSolution? ToContract(ValidationErrors errors, string path, string defaultId)
    {
        var id = errors.OptionalIdentifier($"{path}.id", Id) ?? defaultId;
        var summary = errors.RequiredMultilineText($"{path}.summary", Summary, Limits.Summary);
        // Who added it and when are the grain's to fill.
        return summary is null ? null : new KnownSolution(id, summary, "", DateTimeOffset.MinValue, null, 0);
    }
}

/// <summary>A supervisor adds a solution to one of a model's fault codes.</summary>
/// <param name="Summary">What fixes it (max 2000).</param>
/// <param name="SourceCase">The case whose resolution proposed it; a second request naming the same case answers the
/// solution already added.</param>
public sealed record AddSolutionBody(
    [property: Required, StringLength(Limits.Summary, MinimumLength = 1), Example("\"Replace the service valve core.\"")] string? Summary,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"AS-2026-000042\"")] string? SourceCase = null);
