using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Models;

namespace AfterSales.Api.Readings;

/// <summary>A meter every device of the model reports.</summary>
/// <param name="Name">Unique within the model, e.g. <c>operatingHours</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Unit">Unit of its values, e.g. <c>h</c> or <c>°C</c> (max 16).</param>
/// <param name="Kind"><c>counter</c> (counts up; a lower reading must say <c>reset</c>) or <c>gauge</c> (any value).</param>
public sealed record MeterRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"operatingHours\"")] string? Name,
    [property: Required, StringLength(ProductModelLimits.Unit, MinimumLength = 1), Example("\"h\"")] string? Unit,
    [property: Required] MeterKind? Kind)
{
    internal MeterDefinition? ToContract(ValidationErrors errors, string path)
    {
        var name = errors.RequiredIdentifier($"{path}.name", Name);
        var unit = errors.RequiredText($"{path}.unit", Unit, ProductModelLimits.Unit);
        var kind = errors.RequiredValue($"{path}.kind", Kind);
        return name is null || unit is null || kind is null ? null : new MeterDefinition(name, unit, kind.Value);
    }
}

/// <summary>A condition-based maintenance rule: a statistic over a meter's most recent readings against a threshold.
/// When it holds for <paramref name="Sustained"/> readings in a row the device opens one condition-based work order
/// for the episode (with the rule and its evidence); the next only after it stopped holding.</summary>
/// <param name="Id">Unique within the model, e.g. <c>bearing-overheat</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Meter">One of the model's meters.</param>
/// <param name="Statistic"><c>last</c>, <c>mean</c>, <c>max</c> or <c>rateOfChange</c> (units per hour, newest − oldest of the window).</param>
/// <param name="Window">The meter's most recent readings the statistic covers, 1 to 100 (2 or more for rateOfChange);
/// nothing is judged until the window is full.</param>
/// <param name="Comparison"><c>above</c> or <c>below</c> the threshold (strictly).</param>
/// <param name="Threshold">The value compared with.</param>
/// <param name="Sustained">Readings in a row the condition must hold before it raises, 1 to 100 (default 1).</param>
public sealed record ConditionRuleRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"bearing-overheat\"")] string? Id,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"bearingTemp\"")] string? Meter,
    [property: Required] ConditionStatistic? Statistic,
    [property: Required, Range(1, ProductModelLimits.ConditionWindowMax), Example("5")] int? Window,
    [property: Required] ConditionComparison? Comparison,
    [property: Required, Example("90")] double? Threshold,
    [property: Range(1, ProductModelLimits.ConditionWindowMax), Example("2")] int? Sustained = null)
{
    internal ConditionRule? ToContract(ValidationErrors errors, string path)
    {
        var id = errors.RequiredIdentifier($"{path}.id", Id);
        var meter = errors.RequiredIdentifier($"{path}.meter", Meter);
        var statistic = errors.RequiredValue($"{path}.statistic", Statistic);
        var window = errors.RequiredValue($"{path}.window", Window);
        var comparison = errors.RequiredValue($"{path}.comparison", Comparison);
        var threshold = errors.RequiredValue($"{path}.threshold", Threshold);
        return id is null || meter is null || statistic is null || window is null || comparison is null || threshold is null
            ? null
            : new ConditionRule(id, meter, statistic.Value, window.Value, comparison.Value, threshold.Value, Sustained ?? 1);
    }
}
