using AfterSales.Common;
using AfterSales.Complaints;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>A customer with a technician and a case to complain about, and the complaint calls the tests make.</summary>
internal sealed class ComplaintScenario(ClusterFixture fixture)
{
    public Scenario Scenario { get; } = new(fixture);

    public string CustomerId { get; private set; } = "";

    public string TechnicianId { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    public IGrainFactory Grains => fixture.Grains;

    public static async Task<ComplaintScenario> CreateAsync(ClusterFixture fixture)
    {
        var scenario = new ComplaintScenario(fixture);
        scenario.TechnicianId = await scenario.Scenario.TechnicianAsync(Department.TechnicalSupport);
        scenario.CustomerId = (await scenario.Scenario.CustomerAsync()).Id;
        scenario.CaseNumber = (await scenario.Scenario.OpenCaseAsync(scenario.CustomerId)).Number;
        return scenario;
    }

    public IComplaintGrain Complaint(string id) => Grains.GetGrain<IComplaintGrain>(id);

    public IComplaintIndexGrain List(ComplaintSubject subject, string id) => Grains.GetGrain<IComplaintIndexGrain>(GrainKeys.ComplaintIndex(subject, id));

    public FileComplaintRequest Request(ComplaintSeverity severity = ComplaintSeverity.Medium, bool aboutTechnician = true) => new(
        CustomerId, ComplaintChannel.Phone, aboutTechnician ? ComplaintCategory.TechnicianConduct : ComplaintCategory.ResponseTime, severity,
        "The technician left without testing the pump.", CaseNumber, null, aboutTechnician ? TechnicianId : null, "agent.li");

    public async Task<ComplaintSnapshot> FileAsync(FileComplaintRequest? request = null)
    {
        var id = await Grains.GetGrain<IComplaintNumberGrain>(0).NextAsync();
        var result = await Complaint(id).FileAsync(request ?? Request());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<ComplaintSnapshot> ApplyAsync(string id, ComplaintAction action, string actor = "agent.li", string? reason = null)
    {
        var command = new ComplaintCommand(action, actor, reason ?? (action is ComplaintAction.SendBack or ComplaintAction.Reject ? "Not convincing." : null));
        if (action == ComplaintAction.SubmitForReview)
        {
            command = command with { RootCause = RootCauseCategory.StaffError, CorrectiveAction = "Retrained on the test protocol." };
        }
        var result = await Complaint(id).ApplyAsync(command);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>Files a complaint and takes it to resolved: acknowledged, investigated, submitted by agent.li, approved by lead.wang.</summary>
    public async Task<ComplaintSnapshot> ResolvedAsync()
    {
        var id = (await FileAsync()).Id;
        await ApplyAsync(id, ComplaintAction.Acknowledge);
        await ApplyAsync(id, ComplaintAction.Investigate);
        await ApplyAsync(id, ComplaintAction.SubmitForReview);
        return await ApplyAsync(id, ComplaintAction.Approve, actor: "lead.wang");
    }

    public Task TickAsync(string id) => Grains.GetGrain<IRemindable>(Complaint(id).GetGrainId())
        .ReceiveReminder("complaint-clock", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

    public Task<ReminderEntry?> ClockAsync(string id) =>
        fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>().ReadRow(Complaint(id).GetGrainId(), "complaint-clock");

    public async Task<ComplaintEvent[]> HistoryAsync(string id) => [.. (await Complaint(id).GetHistoryAsync(0, 1000))!.Events];
}
