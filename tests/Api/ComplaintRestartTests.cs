using System.Net;
using AfterSales.Api.Complaints;
using AfterSales.Api.Technicians;
using AfterSales.Complaints;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>A complaint, its journal, its place on the technician's record and its closing reminder survive a restart on
/// the same data.</summary>
public sealed class ComplaintRestartTests
{
    [Fact]
    public async Task AResolvedComplaintAndItsClosingReminderSurviveARestart()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        try
        {
            ComplaintResponse resolved;
            ComplaintEventResponse[] historyBefore;
            string technicianId;
            var before = ApiApplication.OnDataDirectory(dataDirectory);
            await ((IAsyncLifetime)before).InitializeAsync();
            try
            {
                using var client = before.CreateApiClient();
                var api = new ApiDriver(client);
                var opened = await api.OpenAssignedCaseAsync("east");
                technicianId = opened.AssignedTechnicianId!;
                using var filed = await api.PostAsync("/api/complaints", new
                {
                    customerId = opened.CustomerId, channel = "email", category = "serviceQuality", severity = "medium",
                    description = "The boiler was not serviced as agreed.", caseNumber = opened.Number, technicianId,
                });
                var path = $"/api/complaints/{(await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created)).Id}";
                foreach (var (action, actor, body) in new (string, string, object?)[]
                {
                    ("acknowledge", "agent.li", null), ("investigate", "agent.li", null),
                    ("submitForReview", "agent.li", new { rootCause = "maintenanceLapse", correctiveAction = "Visit rescheduled." }),
                    ("approve", "lead.wang", null),
                })
                {
                    using var response = await api.SendAsync(HttpMethod.Post, $"{path}/{action}", body is null ? null : ApiDriver.JsonBody(body), ("X-Actor", actor));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                resolved = await ApiDriver.ReadAsync<ComplaintResponse>(await client.GetAsync(path), HttpStatusCode.OK);
                historyBefore = [.. (await ApiDriver.ReadAsync<ComplaintHistoryResponse>(await client.GetAsync($"{path}/history"), HttpStatusCode.OK)).Events];
            }
            finally
            {
                await ((IAsyncLifetime)before).DisposeAsync();
            }

            var after = ApiApplication.OnDataDirectory(dataDirectory);
            await ((IAsyncLifetime)after).InitializeAsync();
            try
            {
                using var client = after.CreateApiClient();
                var path = $"/api/complaints/{resolved.Id}";
                var read = await ApiDriver.ReadAsync<ComplaintResponse>(await client.GetAsync(path), HttpStatusCode.OK);
                Assert.Equal((ComplaintStatus.Resolved, resolved.Version, resolved.AutoCloseAt), (read.Status, read.Version, read.AutoCloseAt));
                var historyAfter = (await ApiDriver.ReadAsync<ComplaintHistoryResponse>(await client.GetAsync($"{path}/history"), HttpStatusCode.OK)).Events;
                Assert.Equal(historyBefore, historyAfter);
                var technician = await ApiDriver.ReadAsync<TechnicianResponse>(await client.GetAsync($"/api/technicians/{technicianId}"), HttpStatusCode.OK);
                Assert.Equal((1, 1, resolved.Id), (technician.Complaints!.Open, technician.Complaints.Total, technician.Complaints.Last!.Id));

                var grain = after.Services.GetRequiredService<IGrainFactory>().GetGrain<IComplaintGrain>(resolved.Id);
                var reminder = await after.Services.GetRequiredService<IReminderTable>().ReadRow(grain.GetGrainId(), "complaint-clock");
                Assert.NotNull(reminder);
                // The first tick just after the deadline (registered as a delay from the approval, so within a few seconds of it).
                Assert.InRange(reminder.StartAt, resolved.AutoCloseAt!.Value.UtcDateTime, resolved.AutoCloseAt.Value.UtcDateTime.AddSeconds(30));
            }
            finally
            {
                await ((IAsyncLifetime)after).DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }
}
