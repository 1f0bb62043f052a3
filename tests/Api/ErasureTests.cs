using System.Net;
using AfterSales.Api.Audit;
using AfterSales.Api.CaseList;
using AfterSales.Api.Cases;
using AfterSales.Api.Complaints;
using AfterSales.Api.Customers;
using AfterSales.Api.Privacy;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The GDPR erase over real HTTP: admins only, the customer 360 shows the customer as erased, the caller-id
/// lookup no longer finds the numbers, a repeat is a no-op, the audit record keeps the erase (ids only), and all of it
/// holds after the process restarts on the same data.</summary>
[Collection(AuditCollection.Name)]
public sealed class ErasureTests(AuditApiApplication app)
{
    private static async Task<string> RegisterAsync(HttpClient client, string phone)
    {
        var id = ApiDriver.Unique("C")[..20];
        using var created = await new ApiDriver(client).PostAsync("/api/customers", ApiDriver.CustomerBody(id, phone: phone));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private static string NewPhone() => $"+86136{Random.Shared.Next(10_000_000, 99_999_999)}";

    [Fact]
    public async Task AnAdminErasesACustomerOnceAndTheLookupNoLongerFindsIt()
    {
        using var agent = app.CreateClientAs("agent-3", "agent");
        var phone = NewPhone();
        var id = await RegisterAsync(agent, phone);
        var admin = ApiDriver.Unique("admin");
        using var adminClient = app.CreateClientAs(admin, "admin");

        using (var refused = await agent.PostAsync($"/api/customers/{id}/erase", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var report = await ApiDriver.ReadAsync<CustomerErasureResponse>(await adminClient.PostAsync($"/api/customers/{id}/erase", null), HttpStatusCode.OK);
        Assert.Equal((id, false, true, 1, 1), (report.CustomerId, report.AlreadyErased, report.Name, report.Phones, report.Emails));

        var customer = await ApiDriver.ReadAsync<CustomerResponse>(await agent.GetAsync($"/api/customers/{id}"), HttpStatusCode.OK);
        Assert.Equal(report.ErasedAt, customer.ErasedAt);
        Assert.Equal(("", 0, 0), (customer.Name, customer.Phones.Count, customer.Emails.Count));
        var lookup = await ApiDriver.ReadAsync<CustomerLookupResponse>(
            await agent.GetAsync($"/api/customers/lookup?phone={Uri.EscapeDataString(phone)}"), HttpStatusCode.OK);
        Assert.Empty(lookup.Customers);

        var again = await ApiDriver.ReadAsync<CustomerErasureResponse>(await adminClient.PostAsync($"/api/customers/{id}/erase", null), HttpStatusCode.OK);
        Assert.Equal((true, report.ErasedAt, 0), (again.AlreadyErased, again.ErasedAt, again.Phones));
        await Problem.AssertAsync(await adminClient.PostAsync("/api/customers/C-never-registered/erase", null), HttpStatusCode.NotFound, "customerId");

        var audit = await ApiDriver.ReadAsync<AuditPageResponse>(
            await adminClient.GetAsync($"/api/audit?actor={admin}&action=EraseCustomer&targetId={id}"), HttpStatusCode.OK);
        Assert.Equal([(id, 200), (id, 200)], audit.Entries.Select(e => (e.TargetId, e.Status)));
    }

    [Fact]
    public async Task TheCustomersCasesLoseTheirTextsAndTheCaseListNoLongerFindsThem()
    {
        using var admin = app.CreateClientAs(ApiDriver.Unique("admin"), "admin");
        var phone = NewPhone();
        var id = await RegisterAsync(admin, phone);
        var word = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var opened = await ApiDriver.ReadAsync<CaseResponse>(await new ApiDriver(admin).PostAsync("/api/cases", new
        {
            customerId = id, type = "fault", priority = "normal", channel = "phone",
            subject = $"Boiler of {word}", description = $"Call {word} back on {phone}.",
        }), HttpStatusCode.Created);
        using (var noted = await new ApiDriver(admin).PostAsync($"/api/cases/{opened.Number}/notes", new { text = $"{word} asked for mornings.", visibility = "internal" }))
        {
            Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        }
        async Task<int> FoundAsync() => (await ApiDriver.ReadAsync<CaseListResponse>(
            await admin.GetAsync($"/api/cases?customer={id}&text={word}"), HttpStatusCode.OK)).Items.Count;
        await ApiDriver.EventuallyAsync(async () => await FoundAsync() == 1, "the case list to find the case by its text");

        var report = await ApiDriver.ReadAsync<CustomerErasureResponse>(await admin.PostAsync($"/api/customers/{id}/erase", null), HttpStatusCode.OK);
        var again = await ApiDriver.ReadAsync<CustomerErasureResponse>(await admin.PostAsync($"/api/customers/{id}/erase", null), HttpStatusCode.OK);

        Assert.Equal((1, 0), (report.Cases, again.Cases));
        var erased = await ApiDriver.ReadAsync<CaseResponse>(await admin.GetAsync($"/api/cases/{opened.Number}"), HttpStatusCode.OK);
        Assert.Equal(("[erased]", "[erased]", "[erased]"), (erased.Subject, erased.Description, Assert.Single(erased.Notes).Text));
        Assert.Equal((opened.Number, opened.CustomerId), (erased.Number, erased.CustomerId));
        await ApiDriver.EventuallyAsync(async () => await FoundAsync() == 0, "the case list to forget the erased text");
    }

    [Fact]
    public async Task AnErasedCustomerStaysErasedAndItsAuditEntriesStayAfterARestart()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        var phone = NewPhone();
        var admin = ApiDriver.Unique("admin");
        var word = "Zq" + Guid.NewGuid().ToString("N")[..10];
        string id;
        string number;
        string complaintId;
        try
        {
            var first = AuditApiApplication.OnDataDirectory(dataDirectory);
            await ((IAsyncLifetime)first).InitializeAsync();
            try
            {
                using var client = first.CreateClientAs(admin, "admin");
                id = await RegisterAsync(client, phone);
                var opened = await ApiDriver.ReadAsync<CaseResponse>(await new ApiDriver(client).PostAsync("/api/cases", new
                {
                    customerId = id, type = "fault", priority = "normal", channel = "phone",
                    subject = $"Boiler of {word}", description = $"Call {word} back on {phone}.",
                }), HttpStatusCode.Created);
                number = opened.Number;
                using (var raised = await new ApiDriver(client).PostAsync($"/api/cases/{number}/priority", new { priority = "high", reason = $"{word} rang again" }))
                {
                    Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
                }
                Assert.Contains(word, await client.GetStringAsync($"/api/cases/{number}/history"), StringComparison.Ordinal);
                // The erase reaches the cases the case list knows.
                await ApiDriver.EventuallyAsync(async () => (await ApiDriver.ReadAsync<CaseListResponse>(
                    await client.GetAsync($"/api/cases?customer={id}"), HttpStatusCode.OK)).Items.Count == 1, "the case list to hold the case");
                using (var filed = await new ApiDriver(client).PostAsync("/api/complaints", new
                {
                    customerId = id, channel = "email", category = "serviceQuality", severity = "medium", description = $"{word} waited all day.",
                }))
                {
                    complaintId = (await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created)).Id;
                }
                var report = await ApiDriver.ReadAsync<CustomerErasureResponse>(await client.PostAsync($"/api/customers/{id}/erase", null), HttpStatusCode.OK);
                // At least the opening (its facts) and the priority change (its reason) held texts.
                Assert.Equal((1, 1), (report.Cases, report.Complaints));
                Assert.True(report.JournalEvents >= 2, $"{report.JournalEvents} events rewritten");
            }
            finally
            {
                await first.DisposeAsync();
            }

            var second = AuditApiApplication.OnDataDirectory(dataDirectory);
            await ((IAsyncLifetime)second).InitializeAsync();
            try
            {
                using var client = second.CreateClientAs(admin, "admin");
                var customer = await ApiDriver.ReadAsync<CustomerResponse>(await client.GetAsync($"/api/customers/{id}"), HttpStatusCode.OK);
                Assert.NotNull(customer.ErasedAt);
                Assert.Equal(("", 0, 0), (customer.Name, customer.Phones.Count, customer.Emails.Count));
                var lookup = await ApiDriver.ReadAsync<CustomerLookupResponse>(
                    await client.GetAsync($"/api/customers/lookup?phone={Uri.EscapeDataString(phone)}"), HttpStatusCode.OK);
                Assert.Empty(lookup.Customers);
                var audit = await ApiDriver.ReadAsync<AuditPageResponse>(await client.GetAsync($"/api/audit?actor={admin}"), HttpStatusCode.OK);
                Assert.Equal(["EraseCustomer", "FileComplaint", "ChangeCasePriority", "CreateCase", "CreateCustomer"], audit.Entries.Select(e => e.Action));
                Assert.DoesNotContain(word, await client.GetStringAsync($"/api/audit?actor={admin}"), StringComparison.Ordinal);

                // The events written before the erase were rewritten in the journal: the history, and a case list rebuilt
                // from the journal, hold neither the texts nor the number.
                var history = await client.GetStringAsync($"/api/cases/{number}/history");
                Assert.Contains("[erased]", history, StringComparison.Ordinal);
                Assert.DoesNotContain(word, history, StringComparison.Ordinal);
                Assert.DoesNotContain(phone[1..], history, StringComparison.Ordinal);
                var rebuild = await ApiDriver.ReadAsync<CaseListProgressResponse>(
                    await new ApiDriver(client).PostAsync("/api/case-list/rebuild", new { }), HttpStatusCode.Accepted);
                await ApiDriver.EventuallyAsync(async () => (await ApiDriver.ReadAsync<CaseListResponse>(
                    await client.GetAsync("/api/cases?limit=1"), HttpStatusCode.OK)).Progress.Position >= rebuild.Head, "the rebuild to finish", seconds: 30);
                var complaint = await ApiDriver.ReadAsync<ComplaintResponse>(await client.GetAsync($"/api/complaints/{complaintId}"), HttpStatusCode.OK);
                Assert.Equal(("[erased]", id), (complaint.Description, complaint.CustomerId));
                Assert.DoesNotContain(word, await client.GetStringAsync($"/api/complaints/{complaintId}/history"), StringComparison.Ordinal);
                var rows = await client.GetStringAsync($"/api/cases?customer={id}");
                Assert.Contains(number, rows, StringComparison.Ordinal);
                Assert.DoesNotContain(word, rows, StringComparison.Ordinal);
                Assert.Empty((await ApiDriver.ReadAsync<CaseListResponse>(
                    await client.GetAsync($"/api/cases?customer={id}&text={word}"), HttpStatusCode.OK)).Items);
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }
}
