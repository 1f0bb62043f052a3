using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Installation;
using AfterSales.Models;

namespace AfterSales.Api.Installation;

/// <summary>An answer to one checklist item (it replaces an earlier one). A check: <c>passed</c>. A measurement:
/// <c>value</c> and <c>unit</c> (the item's unit, case-sensitive); whether it passed follows from the expected range
/// (inclusive). A value outside the range is refused (422 on value) unless <c>deviation</c> is true with a
/// <c>note</c>: then it is recorded as a failed item and a deviation.</summary>
/// <param name="Passed">A check's result; not for measurements.</param>
/// <param name="Value">A measurement's value; not for checks.</param>
/// <param name="Unit">A measurement's unit, exactly the item's (e.g. <c>V</c>; max 16); not for checks.</param>
/// <param name="Photos">Up to 10 absolute http or https URLs of photos (max 2000 characters each).</param>
/// <param name="Note">What the technician noted (max 2000; line breaks allowed); required with a deviation.</param>
/// <param name="Deviation">True to record a measurement outside its range on purpose (with a note).</param>
public sealed record ChecklistAnswerRequest(
    bool? Passed = null,
    decimal? Value = null,
    [property: StringLength(ProductModelLimits.Unit, MinimumLength = 1)] string? Unit = null,
    [property: MaxLength(InstallationLimits.PhotosPerItem), ItemLength(InstallationLimits.PhotoUrl)] IReadOnlyList<string>? Photos = null,
    [property: StringLength(InstallationLimits.ItemNote)] string? Note = null,
    bool? Deviation = null)
{
    internal RecordChecklistAnswerRequest? Validate(ValidationErrors errors, string itemId, string actor)
    {
        var note = errors.OptionalText("note", Note, InstallationLimits.ItemNote, multiline: true);
        var unit = errors.OptionalText("unit", Unit, ProductModelLimits.Unit);
        if (Photos is { Count: > InstallationLimits.PhotosPerItem })
        {
            errors.Add("photos", $"An answer references at most {InstallationLimits.PhotosPerItem} photos.");
        }
        for (var i = 0; Photos is not null && i < Photos.Count; i++)
        {
            if (PhotoUrls.Problem(Photos[i]) is { } problem)
            {
                errors.Add($"photos[{i}]", problem);
            }
        }
        return errors.HasErrors
            ? null
            : new RecordChecklistAnswerRequest(itemId, Passed, Value, unit, [.. Photos ?? []], note, Deviation ?? false, actor);
    }
}

/// <summary>Submits the commissioning of a work order: its checklist becomes the commissioning report, signed off by the customer.</summary>
/// <param name="SignOff">Who accepted the installation for the customer, and when.</param>
public sealed record CommissioningRequest([property: Required] SignOffRequest? SignOff)
{
    internal SubmitCommissioningRequest? Validate(ValidationErrors errors, string actor)
    {
        if (SignOff is null)
        {
            errors.Add("signOff", FieldRules.Required);
            return null;
        }
        var name = errors.RequiredText("signOff.name", SignOff.Name, InstallationLimits.SignOffName);
        var signedAt = errors.RequiredValue("signOff.signedAt", SignOff.SignedAt);
        return errors.HasErrors ? null : new SubmitCommissioningRequest(new CustomerSignOff(name!, signedAt!.Value), actor);
    }
}

/// <summary>The customer's sign-off.</summary>
/// <param name="Name">Who signed for the customer (max 200).</param>
/// <param name="SignedAt">When, e.g. <c>2026-05-04T15:20:00+08:00</c>; not in the future.</param>
public sealed record SignOffRequest(
    [property: Required, StringLength(InstallationLimits.SignOffName, MinimumLength = 1)] string Name,
    [property: Required] DateTimeOffset? SignedAt);
