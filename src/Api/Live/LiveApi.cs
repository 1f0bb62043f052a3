using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AfterSales.Api.Access;
using AfterSales.Api.Cases;
using AfterSales.Api.Departments;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Live;

/// <summary><c>/api/live</c>: case changes pushed as Server-Sent Events, per case and per department board, fed from
/// the case events (no polling of the cases per client).</summary>
internal static class LiveApi
{
    /// <summary>A comment-like event while nothing changes, so proxies and the browser keep the connection.</summary>
    internal static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    private const string Description = "A text/event-stream: first a 'ready' event once the stream follows the changes (any "
        + "change committed after it is sent), then a 'case' event for each change (its data: case number, sequence of the "
        + "change's last event, kind, time, status, department and region after the change), and a 'heartbeat' event every "
        + "15 s without a change. A change is sent within a second of its commit; a client that reconnects reloads what it "
        + "shows, since changes made while it was away are not replayed.";

    /// <summary>The live routes sit outside the <c>/api</c> group's concurrency limit: a stream is open for as long as a
    /// person looks at a page, and would otherwise hold a permit the whole time.</summary>
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/live").WithTags("Live").RequireAccessRules();

        group.MapGet("/cases/{number}", FollowCase)
            .WithName(nameof(FollowCase))
            .WithSummary("Follow one case's changes (Server-Sent Events)")
            .WithDescription(Description)
            .ProducesProblems(400, 404);

        group.MapGet("/departments/{department}/{region}", FollowDepartment)
            .WithName(nameof(FollowDepartment))
            .WithSummary("Follow the changes of a department's cases in one region (Server-Sent Events)")
            .WithDescription(Description + " A case is sent to the board it is on after the change and, when the change moved "
                + "it (transfer, escalation), to the board it left.")
            .ProducesProblems(404);

        return app;
    }

    public static async Task<Results<ServerSentEventsResult<LiveEvent>, ProblemHttpResult>> FollowCase(
        string number, IGrainFactory grains, LiveHub hub, TimeProvider time, CancellationToken cancellation)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("number", number) is null)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<ICaseGrain>(number).GetAsync() is null)
        {
            return CasesApi.NoSuchCase(number);
        }
        return TypedResults.ServerSentEvents(FollowAsync(hub, time, change => change.CaseNumber == number, cancellation));
    }

    public static Results<ServerSentEventsResult<LiveEvent>, ProblemHttpResult> FollowDepartment(
        string department, string region, InputRules rules, LiveHub hub, TimeProvider time, CancellationToken cancellation)
    {
        if ((DepartmentRoute.Department(department, out var which) ?? DepartmentRoute.Region(rules, region)) is { } problem)
        {
            return problem;
        }
        var slug = DepartmentNames.ToSlug(which);
        return TypedResults.ServerSentEvents(FollowAsync(hub, time, change => change.Concerns(slug, region), cancellation));
    }

    private static async IAsyncEnumerable<SseItem<LiveEvent>> FollowAsync(LiveHub hub, TimeProvider time, Func<CaseChange, bool> wants,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var view = hub.Open(wants);
        await hub.EnsureSubscribedAsync().WaitAsync(cancellation);
        yield return new SseItem<LiveEvent>(LiveEvent.Signal(time.GetUtcNow()), LiveEvent.Ready);
        while (!cancellation.IsCancellationRequested)
        {
            using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            heartbeat.CancelAfter(HeartbeatInterval);
            CaseChange? change = null;
            try
            {
                if (await view.Reader.WaitToReadAsync(heartbeat.Token))
                {
                    view.Reader.TryRead(out change);
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // The heartbeat interval passed without a change.
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return change is null
                ? new SseItem<LiveEvent>(LiveEvent.Signal(time.GetUtcNow()), LiveEvent.Heartbeat)
                : new SseItem<LiveEvent>(LiveEvent.From(change), LiveEvent.Case);
        }
    }
}
