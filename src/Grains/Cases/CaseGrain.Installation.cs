using AfterSales.Common;
using AfterSales.Installation;

namespace AfterSales.Cases;

/// <summary>The installation side of a case: an installation work order names its device and the window agreed with
/// the customer (and the shipment that opened it, if one did), and any case can be related to others — a failed
/// commissioning links its work order and its fault case both ways.</summary>
internal sealed partial class CaseGrain
{
    internal const int MaxRelatedCases = 20;

    public async Task<Result<CaseSnapshot>> RelateAsync(RelateCaseRequest request)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (ValidateRelated(request.Related, "related") is { } invalid)
        {
            return invalid;
        }
        if (S.RelatedCases.Contains(request.Related))
        {
            return Result.Ok(ToSnapshot());
        }
        if (S.RelatedCases.Count >= MaxRelatedCases)
        {
            return CommandError.Conflict($"Case {Number} is already related to {MaxRelatedCases} cases, the most a case keeps.");
        }
        var now = time.GetUtcNow();
        RecordRelated(now, ActorOf(request.Actor), request.Related);
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    /// <summary>An installation work order needs its device and then a window that ends after it starts; other cases
    /// take no window and no shipment.</summary>
    private CommandError? ValidateInstallation(OpenCaseRequest request)
    {
        if (request.Type == CaseType.Installation)
        {
            if (request.DeviceSerial is null)
            {
                return CommandError.Invalid("deviceSerial", "An installation work order needs the device to install (deviceSerial).");
            }
            if (request.InstallationWindow is not { } window)
            {
                return CommandError.Invalid("installationWindow", "An installation work order needs the installation window agreed with the customer.");
            }
            if (!window.IsValid)
            {
                return CommandError.Invalid("installationWindow.end", "The installation window must end after it starts.");
            }
        }
        else if (request.InstallationWindow is not null)
        {
            return CommandError.Invalid("installationWindow", "Only installation work orders have an installation window.");
        }
        else if (request.ShipmentId is not null)
        {
            return CommandError.Invalid("shipmentId", "Only installation work orders come from a shipment.");
        }
        var related = request.RelatedCases.IsDefault ? [] : request.RelatedCases;
        if (related.Length > MaxRelatedCases)
        {
            return CommandError.Invalid("relatedCases", $"A case is related to at most {MaxRelatedCases} cases.");
        }
        for (var i = 0; i < related.Length; i++)
        {
            if (ValidateRelated(related[i], $"relatedCases[{i}]") is { } invalid)
            {
                return invalid;
            }
        }
        return null;
    }

    /// <summary>Takes the installation fields of a case being opened (after its <c>opened</c> event).</summary>
    private void OpenInstallation(OpenCaseRequest request, DateTimeOffset now, string actor)
    {
        S.InstallationWindow = request.InstallationWindow;
        S.ShipmentId = request.ShipmentId;
        foreach (var related in request.RelatedCases.IsDefault ? [] : request.RelatedCases.Distinct())
        {
            RecordRelated(now, actor, related);
        }
    }

    private void RecordRelated(DateTimeOffset now, string actor, RelatedCase related)
    {
        S.RelatedCases.Add(related);
        Record(now, actor, CaseEventKinds.Related, null, null, $"{related.Relation}: {related.Number}");
    }

    private CommandError? ValidateRelated(RelatedCase? related, string field)
    {
        if (related is null || string.IsNullOrWhiteSpace(related.Number) || related.Number.Length > FieldLimits.Identifier)
        {
            return CommandError.Invalid($"{field}.number", "Name the related case by its number.");
        }
        if (string.IsNullOrWhiteSpace(related.Relation) || related.Relation.Length > FieldLimits.Identifier)
        {
            return CommandError.Invalid($"{field}.relation", "Say how the cases are related.");
        }
        return related.Number == Number ? CommandError.Invalid($"{field}.number", "A case is not related to itself.") : null;
    }
}
