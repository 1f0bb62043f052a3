using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Models;
using AfterSales.Routing;

namespace AfterSales.Domain.Models;

/// <summary>
/// Checks a product model's definition: a name, skills within the field limits (names unique, levels 1–5), a
/// checklist whose ids are unique, whose measurements have a unit and a range with min ≤ max and whose checks have
/// neither, maintenance plans with unique ids and one schedule (<see cref="MaintenancePlanValidator"/>), fault codes unique regardless of
/// case with solutions whose ids are unique in the model, and a warranty of 0–120 months. Field paths are camelCase
/// JSON paths of the request, e.g. <c>checklist[1].max</c>.
/// </summary>
internal static partial class ProductModelValidator
{
    public static IEnumerable<FieldError> Validate(DefineProductModelRequest request)
    {
        if (Text(request.Name, FieldLimits.Name) is { } nameError)
        {
            yield return new("name", nameError);
        }
        foreach (var error in Skills(request.InstallationSkills, "installationSkills").Concat(Skills(request.MaintenanceSkills, "maintenanceSkills")))
        {
            yield return error;
        }
        foreach (var error in Checklist(Normal(request.Checklist)).Concat(Plans(Normal(request.MaintenancePlans))).Concat(FaultCodes(Normal(request.FaultCodes))))
        {
            yield return error;
        }
        if (request.WarrantyMonths is < ProductModelLimits.WarrantyMonthsMin or > ProductModelLimits.WarrantyMonthsMax)
        {
            yield return new("warrantyMonths", $"A warranty lasts {ProductModelLimits.WarrantyMonthsMin} to {ProductModelLimits.WarrantyMonthsMax} months.");
        }
    }

    /// <summary>A summary of a known solution: required, at most <see cref="FieldLimits.Summary"/> characters.</summary>
    public static string? SolutionSummaryError(string? summary) => Text(summary, FieldLimits.Summary, multiline: true);

    /// <summary>True when <paramref name="value"/> is a code, id or skill name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public static bool IsIdentifier(string? value, int maxLength = FieldLimits.Identifier) =>
        value is not null && value.Length <= maxLength && IdentifierPattern().IsMatch(value);

    private static IEnumerable<FieldError> Skills(ImmutableArray<SkillRequirement> skills, string path)
    {
        var list = Normal(skills);
        if (list.Length > FieldLimits.Skills)
        {
            yield return new(path, $"A model lists at most {FieldLimits.Skills} skills here.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Length; i++)
        {
            var at = At(path, i);
            if (list[i] is not { } skill)
            {
                yield return new(at, "A skill cannot be null.");
                continue;
            }
            if (!IsIdentifier(skill.Name, FieldLimits.SkillName))
            {
                yield return new(at + ".name", IdentifierMessage("A skill name", FieldLimits.SkillName));
            }
            else if (!names.Add(skill.Name))
            {
                yield return new(at + ".name", $"Skill '{skill.Name}' is listed twice.");
            }
            if (skill.MinLevel is < FieldLimits.SkillLevelMin or > FieldLimits.SkillLevelMax)
            {
                yield return new(at + ".minLevel", $"A minimum level is between {FieldLimits.SkillLevelMin} and {FieldLimits.SkillLevelMax}.");
            }
        }
    }

    private static IEnumerable<FieldError> Checklist(ImmutableArray<ChecklistItemTemplate> items)
    {
        if (items.Length > ProductModelLimits.ChecklistItems)
        {
            yield return new("checklist", $"A checklist has at most {ProductModelLimits.ChecklistItems} items.");
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Length; i++)
        {
            var at = At("checklist", i);
            if (items[i] is not { } item)
            {
                yield return new(at, "A checklist item cannot be null.");
                continue;
            }
            if (!IsIdentifier(item.Id))
            {
                yield return new(at + ".id", IdentifierMessage("A checklist item id", FieldLimits.Identifier));
            }
            else if (!ids.Add(item.Id))
            {
                yield return new(at + ".id", $"Checklist item id '{item.Id}' is used twice.");
            }
            if (Text(item.Text, ProductModelLimits.ChecklistText) is { } textError)
            {
                yield return new(at + ".text", textError);
            }
            foreach (var error in ItemKind(item, at))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> ItemKind(ChecklistItemTemplate item, string at)
    {
        switch (item.Kind)
        {
            case ChecklistItemKind.Check:
                if (item.Unit is not null)
                {
                    yield return new(at + ".unit", "A check has no unit; only a measurement does.");
                }
                if (item.Min is not null || item.Max is not null)
                {
                    yield return new(at + (item.Min is not null ? ".min" : ".max"), "A check has no expected range; only a measurement does.");
                }
                break;
            case ChecklistItemKind.Measurement:
                if (Text(item.Unit, ProductModelLimits.Unit) is { } unitError)
                {
                    yield return new(at + ".unit", item.Unit is null ? "A measurement needs a unit (e.g. V, bar, °C)." : unitError);
                }
                if (OutOfBounds(item.Min))
                {
                    yield return new(at + ".min", BoundMessage);
                }
                else if (OutOfBounds(item.Max))
                {
                    yield return new(at + ".max", BoundMessage);
                }
                else if (item.Min is { } min && item.Max is { } max && min > max)
                {
                    yield return new(at + ".max", string.Create(CultureInfo.InvariantCulture, $"The expected range ends ({max}) below where it starts ({min})."));
                }
                break;
            default:
                yield return new(at + ".kind", "Kind must be check or measurement.");
                break;
        }
    }

    private static IEnumerable<FieldError> Plans(ImmutableArray<MaintenancePlanTemplate> plans)
    {
        if (plans.Length > ProductModelLimits.MaintenancePlans)
        {
            yield return new("maintenancePlans", $"A model has at most {ProductModelLimits.MaintenancePlans} maintenance plans.");
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plans.Length; i++)
        {
            var at = At("maintenancePlans", i);
            if (plans[i] is not { } plan)
            {
                yield return new(at, "A maintenance plan cannot be null.");
                continue;
            }
            if (IsIdentifier(plan.Id) && !ids.Add(plan.Id))
            {
                yield return new(at + ".id", $"Plan id '{plan.Id}' is used twice.");
            }
            foreach (var error in MaintenancePlanValidator.Validate(plan, at))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> FaultCodes(ImmutableArray<FaultCode> codes)
    {
        if (codes.Length > ProductModelLimits.FaultCodes)
        {
            yield return new("faultCodes", $"A model has at most {ProductModelLimits.FaultCodes} fault codes.");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var solutionIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < codes.Length; i++)
        {
            var at = At("faultCodes", i);
            if (codes[i] is not { } code)
            {
                yield return new(at, "A fault code cannot be null.");
                continue;
            }
            if (!IsIdentifier(code.Code))
            {
                yield return new(at + ".code", IdentifierMessage("A fault code", FieldLimits.Identifier));
            }
            else if (!seen.Add(code.Code))
            {
                yield return new(at + ".code", $"Fault code '{code.Code}' is listed twice (codes compare regardless of case).");
            }
            if (Text(code.Description, FieldLimits.Description, multiline: true) is { } descriptionError)
            {
                yield return new(at + ".description", descriptionError);
            }
            var solutions = Normal(code.Solutions);
            if (solutions.Length > ProductModelLimits.SolutionsPerFaultCode)
            {
                yield return new(at + ".solutions", $"A fault code has at most {ProductModelLimits.SolutionsPerFaultCode} solutions.");
            }
            for (var s = 0; s < solutions.Length; s++)
            {
                var solutionAt = At(at + ".solutions", s);
                if (solutions[s] is not { } solution)
                {
                    yield return new(solutionAt, "A solution cannot be null.");
                    continue;
                }
                if (!IsIdentifier(solution.Id))
                {
                    yield return new(solutionAt + ".id", IdentifierMessage("A solution id", FieldLimits.Identifier));
                }
                else if (!solutionIds.Add(solution.Id))
                {
                    yield return new(solutionAt + ".id", $"Solution id '{solution.Id}' is used twice in the model.");
                }
                if (SolutionSummaryError(solution.Summary) is { } summaryError)
                {
                    yield return new(solutionAt + ".summary", summaryError);
                }
            }
        }
    }

    private const string BoundMessage = "A bound lies between -1000000000 and 1000000000.";

    private static bool OutOfBounds(decimal? bound) =>
        bound is { } value && Math.Abs(value) > ProductModelLimits.BoundMagnitude;

    /// <summary>Null when <paramref name="value"/> is a non-blank text of at most <paramref name="maxLength"/>
    /// characters without control characters (tabs and line breaks allowed when multiline); the message otherwise.</summary>
    internal static string? Text(string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "The field is required and must not be blank.";
        }
        if (value.Length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The value must be at most {maxLength} characters.");
        }
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return multiline
                    ? "The value must not contain control characters other than tabs and line breaks."
                    : "The value must be a single line without control characters.";
            }
        }
        return null;
    }

    internal static string IdentifierMessage(string what, int maxLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} is 1 to {maxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");

    private static string At(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static ImmutableArray<T> Normal<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
