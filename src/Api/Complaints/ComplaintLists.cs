using AfterSales.Common;
using AfterSales.Complaints;

namespace AfterSales.Api.Complaints;

/// <summary>Reads the complaint list of a customer, case or technician, for the reads of those resources that show it.</summary>
internal static class ComplaintLists
{
    public static IComplaintIndexGrain Of(IGrainFactory grains, ComplaintSubject subject, string id) =>
        grains.GetGrain<IComplaintIndexGrain>(GrainKeys.ComplaintIndex(subject, id));

    /// <summary>The ids of every complaint about a case, newest first.</summary>
    public static async Task<IReadOnlyList<string>> IdsOfCaseAsync(IGrainFactory grains, string number) =>
        [.. (await Of(grains, ComplaintSubject.Case, number).ListAsync(openOnly: false, ComplaintLimits.PageMax)).Items.Select(c => c.Id)];

    /// <summary>A customer's open complaints, newest first.</summary>
    public static async Task<IReadOnlyList<ComplaintEntryResponse>> OpenOfCustomerAsync(IGrainFactory grains, string customerId) =>
        [.. (await Of(grains, ComplaintSubject.Customer, customerId).ListAsync(openOnly: true, ComplaintLimits.PageMax)).Items
            .Select(ComplaintEntryResponse.From)];

    /// <summary>A technician's tally.</summary>
    public static async Task<ComplaintTallyResponse> TallyOfTechnicianAsync(IGrainFactory grains, string technicianId) =>
        ComplaintTallyResponse.From(await Of(grains, ComplaintSubject.Technician, technicianId).GetTallyAsync());
}
