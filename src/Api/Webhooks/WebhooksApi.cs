using System.Text.RegularExpressions;
using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Hosting;
using AfterSales.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Webhooks;

/// <summary><c>/api/webhooks</c>: subscriptions to the case events, delivered signed to a receiver's URL with retries,
/// per-case order, dead letters and a delivery log (docs/WEBHOOKS.md).</summary>
internal static partial class WebhooksApi
{
    public const int DefaultLogLimit = 50;

    public const string DeliveriesRoute = "api/webhooks/subscriptions/{id}/deliveries";

    /// <summary>A delivery-log entry id: the attempt's end in ticks, the partition, the entry number.</summary>
    public const string LogIdPattern = @"^[0-9]{19}-[0-9]{2}-[0-9]{12}$";

    public const int LogIdLength = 34;

    private const string IfMatchAdvice = "Send If-Match with the subscription's ETag to refuse the change when it changed meanwhile (412).";

    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks/subscriptions").WithTags("Webhooks");

        group.MapPost("", CreateWebhookSubscription)
            .WithName(nameof(CreateWebhookSubscription))
            .WithSummary("Subscribe a URL to case events")
            .WithDescription("Events written after the subscription is created are POSTed to url, signed with secret "
                + "(X-AfterSales-Signature: v1=<hex HMAC-SHA256 of \"{X-AfterSales-Timestamp}.{body}\">). The secret is never "
                + $"answered. 409 when the deployment holds {WebhookLimits.Subscriptions} subscriptions already. Answers with an ETag.")
            .ProducesProblems(400, 409, 413, 415);

        group.MapGet("", ListWebhookSubscriptions)
            .WithName(nameof(ListWebhookSubscriptions))
            .WithSummary("List webhook subscriptions")
            .WithDescription("Every subscription by id, without secrets.");

        group.MapGet("/{id}", GetWebhookSubscription)
            .WithName(nameof(GetWebhookSubscription))
            .WithSummary("Get a webhook subscription")
            .WithDescription("Without its secret; answers with an ETag.")
            .ProducesProblems(400, 404);

        group.MapPut("/{id}", ReplaceWebhookSubscription)
            .WithName(nameof(ReplaceWebhookSubscription))
            .WithSummary("Replace a subscription's URL and event types, or rotate its secret")
            .WithDescription("url and eventTypes are required; secret is optional: leave it out to keep the current one, send "
                + "a new one to rotate it (deliveries from then on are signed with it, retries included). " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapDelete("/{id}", DeleteWebhookSubscription)
            .WithName(nameof(DeleteWebhookSubscription))
            .WithSummary("Delete a webhook subscription")
            .WithDescription("Stops its deliveries and forgets its waiting events, dead letters and log. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412);

        group.MapGet("/{id}/deliveries", ListWebhookDeliveries)
            .WithName(nameof(ListWebhookDeliveries))
            .WithSummary("Read a subscription's delivery log")
            .WithDescription("One entry per attempt, oldest first: event id, type, case, sequence, attempt, outcome (delivered, "
                + "failed, deadLettered), the receiver's status code, the error, and times. after: the id of the last entry read; "
                + $"limit: 1 to {WebhookLimits.LogPageMax} (default {DefaultLogLimit}). next names the following page while more follow.")
            .ProducesProblems(400, 404);

        group.MapPost("/{id}/deliveries/{eventId}/redeliver", RedeliverWebhookEvent)
            .WithName(nameof(RedeliverWebhookEvent))
            .WithSummary("Deliver a dead-lettered event again")
            .WithDescription("Puts the dead letter back in its queue with its attempts counted from 1; it goes before any later "
                + "event of its case still waiting. 404 on eventId when the subscription holds no dead letter with that id.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<WebhookSubscriptionResponse>, ProblemHttpResult>> CreateWebhookSubscription(
        CreateWebhookSubscriptionRequest request, IGrainFactory grains, IConfiguration configuration, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var input = request.Check(errors, AllowHttp(configuration));
        if (input is not { } valid)
        {
            return errors.ToProblem();
        }
        var id = "wh-" + Guid.CreateVersion7().ToString("N");
        var result = await Subscriptions(grains).CreateAsync(new CreateWebhookSubscription(id, valid.Url, valid.EventTypes, valid.Secret!));
        if (result.Error is { } error)
        {
            return error.ToProblem("url");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Created($"/api/webhooks/subscriptions/{id}", WebhookSubscriptionResponse.From(result.Value));
    }

    public static async Task<Ok<WebhookSubscriptionListResponse>> ListWebhookSubscriptions(IGrainFactory grains) =>
        TypedResults.Ok(new WebhookSubscriptionListResponse([.. (await Subscriptions(grains).ListAsync()).Select(WebhookSubscriptionResponse.From)]));

    public static async Task<Results<Ok<WebhookSubscriptionResponse>, ProblemHttpResult>> GetWebhookSubscription(
        string id, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("id", id) is null)
        {
            return errors.ToProblem();
        }
        if (await Subscriptions(grains).GetAsync(id) is not { } subscription)
        {
            return NoSuchSubscription(id);
        }
        response.Headers.ETag = ETags.Format(subscription.Version);
        return TypedResults.Ok(WebhookSubscriptionResponse.From(subscription));
    }

    public static async Task<Results<Ok<WebhookSubscriptionResponse>, ProblemHttpResult>> ReplaceWebhookSubscription(
        string id,
        ReplaceWebhookSubscriptionRequest request,
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch,
        IGrainFactory grains,
        IConfiguration configuration,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var subscriptionId = errors.RequiredIdentifier("id", id);
        var condition = errors.IfMatch(ifMatch);
        var input = request.Check(errors, AllowHttp(configuration));
        if (input is not { } valid || subscriptionId is null)
        {
            return errors.ToProblem();
        }
        var subscriptions = Subscriptions(grains);
        var expected = await condition.ExpectedVersionAsync(async () => (await subscriptions.GetAsync(subscriptionId))?.Version);
        var result = await subscriptions.UpdateAsync(subscriptionId, new UpdateWebhookSubscription(valid.Url, valid.EventTypes, valid.Secret, expected));
        if (result.Error is { } error)
        {
            return error.ToProblem("id");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(WebhookSubscriptionResponse.From(result.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhookSubscription(
        string id, [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var subscriptionId = errors.RequiredIdentifier("id", id);
        var condition = errors.IfMatch(ifMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var subscriptions = Subscriptions(grains);
        var expected = await condition.ExpectedVersionAsync(async () => (await subscriptions.GetAsync(subscriptionId!))?.Version);
        var result = await subscriptions.DeleteAsync(subscriptionId!, expected);
        return result.Error is { } error ? error.ToProblem("id") : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<WebhookDeliveryListResponse>, ProblemHttpResult>> ListWebhookDeliveries(
        string id, [FromQuery] string? after, [FromQuery] string? limit, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var subscriptionId = errors.RequiredIdentifier("id", id);
        var afterId = after;
        if (after is not null && !LogId().IsMatch(after))
        {
            errors.Add("after", "The value must be the id of a delivery-log entry, as the log answers it.");
        }
        var size = DefaultLogLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > WebhookLimits.LogPageMax))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {WebhookLimits.LogPageMax}.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await Subscriptions(grains).GetDeliveriesAsync(subscriptionId!, afterId, size) is not { } page)
        {
            return NoSuchSubscription(id);
        }
        var next = page.HasMore && page.Deliveries.Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"/api/webhooks/subscriptions/{id}/deliveries?after={Uri.EscapeDataString(page.Deliveries[^1].Id)}&limit={size}")
            : null;
        return TypedResults.Ok(new WebhookDeliveryListResponse([.. page.Deliveries], next));
    }

    public static async Task<Results<Accepted<WebhookDeadLetter>, ProblemHttpResult>> RedeliverWebhookEvent(
        string id, string eventId, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var subscriptionId = errors.RequiredIdentifier("id", id);
        if (!Guid.TryParse(eventId, out var eventGuid))
        {
            errors.Add("eventId", "The value must be an event id (a GUID).");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await Subscriptions(grains).RedeliverAsync(subscriptionId!, eventGuid);
        return result.Error is { } error
            ? error.ToProblem("id")
            : TypedResults.Accepted($"/api/webhooks/subscriptions/{id}/deliveries", result.Value!);
    }

    private static bool AllowHttp(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{WebhookOptions.SectionName}:{nameof(WebhookOptions.AllowHttp)}");

    private static IWebhookSubscriptionsGrain Subscriptions(IGrainFactory grains) =>
        grains.GetGrain<IWebhookSubscriptionsGrain>(IWebhookSubscriptionsGrain.Key);

    private static ProblemHttpResult NoSuchSubscription(string id) =>
        ApiProblems.NotFound("id", $"No webhook subscription has the id '{id}'.");

    // \z rather than $: $ would also accept a trailing line break.
    [GeneratedRegex(@"^[0-9]{19}-[0-9]{2}-[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LogId();
}
