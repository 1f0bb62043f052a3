using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Optimistic concurrency: reads carry the version as ETag, writes with a stale If-Match are refused. Entity
/// tags are opaque to clients (RFC 9110 §13.1.1): any well-formed tag list that names no current version is a 412,
/// and only a header that is no entity-tag list at all is a 400.</summary>
[Collection(ApiCollection.Name)]
public sealed class ETagTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ReadingACaseReturnsItsVersionAsAStrongETag()
    {
        var opened = await api.OpenAssignedCaseAsync();

        var (read, etag) = await api.GetCaseAsync(opened.Number);

        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{read.Version}\"", etag.Tag);
    }

    [Fact]
    public async Task AnIfNoneMatchWithTheCurrentETagAnswers304()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, etag) = await api.GetCaseAsync(opened.Number);

        using var response = await api.SendAsync(HttpMethod.Get, $"/api/cases/{opened.Number}", null, ("If-None-Match", etag.Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag.Tag, response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnActionWithTheCurrentETagIsAppliedAndReturnsTheNewETag()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, etag) = await api.GetCaseAsync(opened.Number);

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", etag.Tag));

        var started = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(CaseStatus.InProgress, started.Status);
        Assert.NotEqual(etag.Tag, response.Headers.ETag?.Tag);
        Assert.Equal($"\"{started.Version}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnActionWithAStaleETagIsRefusedWith412AndChangesNothing()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, stale) = await api.GetCaseAsync(opened.Number);
        using (var note = await api.PostAsync($"/api/cases/{opened.Number}/notes", new { text = "Called the customer.", visibility = "internal" }))
        {
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", stale.Tag));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        var (current, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal(CaseStatus.Assigned, current.Status);
    }

    [Fact]
    public async Task ANoteWithAStaleETagIsRefusedWith412()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (read, _) = await api.GetCaseAsync(opened.Number);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/notes",
            new { text = "Late note.", visibility = "internal" }, ("If-Match", $"\"{read.Version + 5}\""));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        var (current, _) = await api.GetCaseAsync(opened.Number);
        Assert.Empty(current.Notes);
    }

    [Fact]
    public async Task AWildcardIfMatchSkipsTheCheck()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", "*"));

        Assert.Equal(CaseStatus.InProgress, (await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK)).Status);
    }

    /// <summary>Every change that takes If-Match, with a body it accepts; <c>{case}</c> and <c>{technician}</c> are
    /// filled with new ones, and the policy routes use a region of the test's own.</summary>
    public static TheoryData<string, string, string?> GuardedChanges => new()
    {
        { "POST", "/api/cases/{case}/start", null },
        { "POST", "/api/cases/{case}/notes", """{"text":"Called back.","visibility":"internal"}""" },
        { "POST", "/api/cases/{case}/escalate", """{"reason":"Needs an engineer."}""" },
        { "POST", "/api/cases/{case}/transfer", """{"department":"maintenance","reason":"Yearly service."}""" },
        { "POST", "/api/cases/{case}/assign", """{"technicianId":"T-nobody","reason":"Knows the site."}""" },
        { "PATCH", "/api/technicians/{technician}", """{"capacity":3}""" },
        { "PUT", "/api/technicians/{technician}/presence", """{"presence":"away"}""" },
        { "PUT", "/api/technicians/{technician}/shift-pattern", """{"windows":[]}""" },
        { "PUT", "/api/routing/rules/{rule}", """{"category":"etag-tests","required":[{"name":"welding","minLevel":2}]}""" },
        { "DELETE", "/api/routing/rules/{rule}", null },
        { "PUT", "/api/routing/strategies/installation/{region}", """{"strategy":"roundRobin"}""" },
        { "DELETE", "/api/routing/strategies/installation/{region}", null },
        { "PUT", "/api/routing/neighbours/{region}", """{"neighbours":["west"]}""" },
    };

    [Theory]
    [MemberData(nameof(GuardedChanges))]
    public async Task AWellFormedETagThatIsNotCurrentIsRefusedWith412WhateverItHolds(string method, string template, string? body)
    {
        var (path, read) = await PrepareAsync(template);
        var current = await read();

        foreach (var tag in new[] { "\"stale-etag\"", "\"\"", $"W/\"{current}\"", $"\"0{current}\"", "\"x\", W/\"y\"", $"\"{current + 7}\", \"{current + 9}\"" })
        {
            using var response = await api.SendAsync(new HttpMethod(method), path, body is null ? null : ApiDriver.JsonBody(body), ("If-Match", tag));

            await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
            Assert.Equal(current, await read());
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3")]
    [InlineData("\"3")]
    [InlineData("\"3\" \"4\"")]
    [InlineData("*, \"3\"")]
    [InlineData("w/\"3\"")]
    [InlineData("")]
    public async Task AnIfMatchThatIsNoEntityTagListIsRefusedWith400(string ifMatch)
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", ifMatch));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "If-Match");
        Assert.Equal(CaseStatus.Assigned, (await api.GetCaseAsync(opened.Number)).Case.Status);
    }

    [Fact]
    public async Task AListNamingTheCurrentETagAmongOthersIsApplied()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (read, etag) = await api.GetCaseAsync(opened.Number);

        using var opaque = await api.PostAsync($"/api/cases/{opened.Number}/notes",
            new { text = "First.", visibility = "internal" }, ("If-Match", $"\"stale-etag\", W/\"x\", {etag.Tag}"));
        var noted = await ApiDriver.ReadAsync<CaseResponse>(opaque, HttpStatusCode.OK);
        // Several versions: the one that is current wins.
        using var versions = await api.PostAsync($"/api/cases/{opened.Number}/notes",
            new { text = "Second.", visibility = "internal" }, ("If-Match", $"\"{read.Version}\", \"{noted.Version}\", \"{noted.Version + 40}\""));

        var twice = await ApiDriver.ReadAsync<CaseResponse>(versions, HttpStatusCode.OK);
        Assert.Equal(["First.", "Second."], twice.Notes.Select(n => n.Text));
    }

    [Theory]
    [InlineData("\"stale-etag\"", HttpStatusCode.OK)]
    [InlineData("W/\"{version}\"", HttpStatusCode.NotModified)]
    [InlineData("\"old\", \"{version}\"", HttpStatusCode.NotModified)]
    [InlineData("*", HttpStatusCode.NotModified)]
    public async Task IfNoneMatchComparesWeaklyAndIgnoresTagsThatAreNotCurrent(string ifNoneMatch, HttpStatusCode status)
    {
        var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false);
        var (read, _) = await api.GetTechnicianAsync(technician.Id);

        using var response = await api.SendAsync(HttpMethod.Get, $"/api/technicians/{technician.Id}", null,
            ("If-None-Match", ifNoneMatch.Replace("{version}", read.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal($"\"{read.Version}\"", response.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("/api/cases/{case}")]
    [InlineData("/api/technicians/{technician}")]
    [InlineData("/api/routing/policy")]
    public async Task AnIfNoneMatchThatIsNoEntityTagListIsRefusedWith400(string template)
    {
        var (path, _) = await PrepareAsync(template);

        using var response = await api.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", "stale-etag"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "If-None-Match");
    }

    /// <summary>Fills the template with a new resource and returns how to read that resource's current version.</summary>
    private async Task<(string Path, Func<Task<int>> Version)> PrepareAsync(string template)
    {
        if (template.Contains("{case}", StringComparison.Ordinal))
        {
            var opened = await api.OpenAssignedCaseAsync();
            return (template.Replace("{case}", opened.Number, StringComparison.Ordinal),
                async () => (await api.GetCaseAsync(opened.Number)).Case.Version);
        }
        if (template.Contains("{technician}", StringComparison.Ordinal))
        {
            var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false);
            return (template.Replace("{technician}", technician.Id, StringComparison.Ordinal),
                async () => (await api.GetTechnicianAsync(technician.Id)).Technician.Version);
        }
        var rule = ApiDriver.Unique("rule");
        if (template.Contains("{rule}", StringComparison.Ordinal))
        {
            // Scoped to a category no case uses: a rule for every case would change routing for the other tests.
            await api.PutRuleAsync(rule, new { category = rule, required = new[] { new { name = "welding", minLevel = 1 } } });
        }
        return (template.Replace("{rule}", rule, StringComparison.Ordinal).Replace("{region}", app.NewRegion(), StringComparison.Ordinal),
            async () => (await api.GetPolicyAsync()).Policy.Version);
    }
}
