using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Installation;
using AfterSales.Api.Validation;
using AfterSales.Cases;

namespace AfterSales.Api.Cases;

/// <summary>Opens a service case. The type decides the department (consultation and complaint: customer-service;
/// fault: technical-support; installation; maintenance; problem — the common cause of several cases, usually opened by
/// problem detection, here by hand for the customer who reported it: technical-support), in the customer's region.</summary>
/// <param name="CustomerId">The customer the case is for; must exist.</param>
/// <param name="Type">What the customer needs.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Channel">How the case came in.</param>
/// <param name="Subject">One line (max 200).</param>
/// <param name="Description">The details (max 4000; line breaks allowed).</param>
/// <param name="DeviceSerial">The device concerned, if any; must be registered.</param>
/// <param name="Category">Fault category, e.g. <c>hydraulics</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64). The routing
/// policy's skill rules match it (case-insensitively) to decide which skills the case needs.</param>
/// <param name="InstallationWindow">The installation window agreed with the customer: required for an installation work order
/// (which also needs its deviceSerial), refused for other types.</param>
/// <param name="FaultCode">The fault code the device shows, e.g. <c>E42</c>: only on a fault case with a <c>deviceSerial</c>, and one
/// of the codes of the device's model (case-insensitive), else 422. The case then shows the model's known solutions for it.</param>
public sealed record CreateCaseRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string CustomerId,
    [property: Required] CaseType? Type,
    [property: Required] CasePriority? Priority,
    [property: Required] CaseChannel? Channel,
    [property: Required, StringLength(Limits.Subject, MinimumLength = 1)] string Subject,
    [property: Required, StringLength(Limits.Description, MinimumLength = 1)] string Description,
    [property: StringLength(Limits.Identifier), RegularExpression(Limits.IdentifierPattern)] string? DeviceSerial = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Category = null,
    InstallationWindowRequest? InstallationWindow = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? FaultCode = null)
{
    internal OpenCaseRequest? Validate(ValidationErrors errors, string actor)
    {
        var customerId = errors.RequiredIdentifier("customerId", CustomerId);
        var type = errors.RequiredValue("type", Type);
        var priority = errors.RequiredValue("priority", Priority);
        var channel = errors.RequiredValue("channel", Channel);
        var subject = errors.RequiredText("subject", Subject, Limits.Subject);
        var description = errors.RequiredMultilineText("description", Description, Limits.Description);
        var deviceSerial = errors.OptionalIdentifier("deviceSerial", DeviceSerial);
        var category = errors.OptionalIdentifier("category", Category);
        var window = InstallationWindowRequest.ForCase(errors, type, DeviceSerial, InstallationWindow);
        var faultCode = errors.OptionalIdentifier("faultCode", FaultCode);
        return errors.HasErrors
            ? null
            : new OpenCaseRequest(customerId!, type!.Value, priority!.Value, channel!.Value, subject!, description!, deviceSerial, actor)
            {
                Category = category,
                InstallationWindow = window,
                FaultCode = faultCode,
            };
    }
}
