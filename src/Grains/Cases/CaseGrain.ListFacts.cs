using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.CaseList;

namespace AfterSales.Cases;

/// <summary>What the case list needs, attached to the last event of every write so the list can be rebuilt from the
/// journal alone.</summary>
internal sealed partial class CaseGrain
{
    private CaseFacts ListFacts() => new(
        CamelNames.Of(S.Type), CamelNames.Of(S.Priority), CamelNames.Of(S.Channel), CamelNames.Of(S.Status),
        S.CustomerId.Length == 0 ? null : S.CustomerId, S.DeviceSerial, S.Subject,
        // The description (up to 4,000 characters) only rides with the write that opens the case and with the erase of
        // the customer's personal data, the only writes that set it.
        S.Events.Pending.Any(e => e.Kind is CaseEventKinds.Opened or CaseEventKinds.PersonalDataErased) ? S.Description : null,
        DepartmentNames.ToSlug(S.Department), S.Region, S.AssignedTechnicianId, S.CreatedAt, S.ResolvedAt,
        S.Sla?.RuleId is null ? null : S.Sla.ListState);
}
