using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Installation;

namespace AfterSales.Api.Installation;

/// <summary>The time agreed with the customer for the installation visit.</summary>
/// <param name="Start">From, e.g. <c>2026-05-04T08:00:00+08:00</c>.</param>
/// <param name="End">Until; after <paramref name="Start"/>.</param>
public sealed record InstallationWindowRequest(
    [property: Required] DateTimeOffset? Start,
    [property: Required] DateTimeOffset? End)
{
    internal InstallationWindow? ToContract(ValidationErrors errors, string field)
    {
        var start = errors.RequiredValue($"{field}.start", Start);
        var end = errors.RequiredValue($"{field}.end", End);
        if (start is null || end is null)
        {
            return null;
        }
        var window = new InstallationWindow(start.Value, end.Value);
        if (!window.IsValid)
        {
            errors.Add($"{field}.end", "The installation window must end after it starts.");
            return null;
        }
        return window;
    }

    /// <summary>The installation rules of a case being opened: an installation work order needs its device and then a
    /// window; other cases take no window.</summary>
    internal static InstallationWindow? ForCase(ValidationErrors errors, CaseType? type, string? deviceSerial, InstallationWindowRequest? window)
    {
        if (type != CaseType.Installation)
        {
            if (window is not null)
            {
                errors.Add("installationWindow", "Only installation work orders have an installation window.");
            }
            return null;
        }
        if (deviceSerial is null)
        {
            errors.Add("deviceSerial", "An installation work order needs the device to install.");
        }
        if (window is null)
        {
            errors.Add("installationWindow", "An installation work order needs the installation window agreed with the customer.");
            return null;
        }
        return window.ToContract(errors, "installationWindow");
    }
}

/// <summary>The time agreed with the customer for the installation visit.</summary>
public sealed record InstallationWindowResponse(DateTimeOffset Start, DateTimeOffset End)
{
    internal static InstallationWindowResponse? From(InstallationWindow? window) => window is null ? null : new(window.Start, window.End);
}

/// <summary>Another case this one is related to.</summary>
/// <param name="Relation"><c>commissioningFault</c> on a work order: the fault case its failed commissioning opened;
/// <c>installationWorkOrder</c> on that fault case: the work order.</param>
public sealed record RelatedCaseResponse(string Number, string Relation)
{
    internal static RelatedCaseResponse From(RelatedCase related) => new(related.Number, related.Relation);
}
