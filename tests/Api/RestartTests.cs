using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>What the API acknowledged is still there after the process stops and starts on the same data.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task TheCaseItsHistoryAndTheAssignmentSurviveARestart()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        try
        {
            CaseResponse opened;
            CaseEventResponse[] historyBefore;
            string technicianId;
            IAsyncLifetime before = ApiApplication.OnDataDirectory(dataDirectory);
            await before.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)before).CreateApiClient();
                var api = new ApiDriver(client);
                var customer = await api.CreateCustomerAsync("east");
                technicianId = (await api.CreateTechnicianAsync("technical-support", "east")).Id;
                opened = await api.OpenCaseAsync(customer.Id, type: "fault");
                using (var note = await api.PostAsync($"/api/cases/{opened.Number}/notes", new { text = "Spare part ordered.", visibility = "internal" }))
                {
                    opened = await ApiDriver.ReadAsync<CaseResponse>(note, HttpStatusCode.OK);
                }
                historyBefore = (await ApiDriver.ReadAsync<CaseHistoryResponse>(
            await client.GetAsync($"/api/cases/{opened.Number}/history"), HttpStatusCode.OK)).Events;
            }
            finally
            {
                await before.DisposeAsync();
            }
            Assert.Equal(technicianId, opened.AssignedTechnicianId);

            IAsyncLifetime after = ApiApplication.OnDataDirectory(dataDirectory);
            await after.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)after).CreateApiClient();
                var api = new ApiDriver(client);

                var (read, etag) = await api.GetCaseAsync(opened.Number);
                Assert.Equal(CaseStatus.Assigned, read.Status);
                Assert.Equal(technicianId, read.AssignedTechnicianId);
                Assert.Equal(opened.Version, read.Version);
                Assert.Equal($"\"{opened.Version}\"", etag.Tag);
                Assert.Equal("Spare part ordered.", Assert.Single(read.Notes).Text);
                var historyAfter = (await ApiDriver.ReadAsync<CaseHistoryResponse>(
            await client.GetAsync($"/api/cases/{opened.Number}/history"), HttpStatusCode.OK)).Events;
                Assert.Equal(historyBefore, historyAfter);
                var assignments = await ApiDriver.ReadAsync<AssignmentResponse[]>(
                    await client.GetAsync($"/api/technicians/{technicianId}/assignments"), HttpStatusCode.OK);
                Assert.Equal([opened.Number], assignments.Select(a => a.CaseNumber));
            }
            finally
            {
                await after.DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }
}
