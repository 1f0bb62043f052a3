using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.CaseList;
using AfterSales.Domain.Webhooks;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Webhooks;

/// <summary>
/// The deployment's webhook subscriptions (at most <see cref="WebhookLimits.Subscriptions"/>, one row each). Checks
/// every change again (the API checks first), stores it, then tells the subscription's 16 queues; answers the delivery
/// log and redeliveries by asking the queues. Its one-minute reminder, while any subscription exists, wakes the reader
/// after a restart.
/// </summary>
internal sealed class WebhookSubscriptionsGrain(
    [PersistentState("webhookSubscriptions", StorageNames.Main)] IPersistentState<WebhookSubscriptionsState> state,
    IEventLog journal,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSubscriptionsGrain> logger)
    : Grain, IWebhookSubscriptionsGrain, IWebhookTargetsGrain, IRemindable
{
    private const string ReminderName = "wake-reader";

    private StateRows<WebhookSubscriptionRecord> Rows => state.State.Subscriptions;

    public async Task<Result<WebhookSubscriptionSnapshot>> CreateAsync(CreateWebhookSubscription request)
    {
        if (Rows.TryGetValue(request.Id, out var existing))
        {
            return CommandError.Conflict($"A subscription with id {existing.Id} exists already.");
        }
        if (Rows.Count >= WebhookLimits.Subscriptions)
        {
            return CommandError.Conflict($"The deployment holds {WebhookLimits.Subscriptions} subscriptions, the most it may; delete one first.");
        }
        if (Check(request.Url, request.EventTypes, request.Secret) is { } error)
        {
            return error;
        }
        var now = time.GetUtcNow();
        var record = new WebhookSubscriptionRecord(request.Id, request.Url, request.EventTypes, request.Secret, 1, now, now, now,
            await JournalHead.FindAsync(journal));
        Rows.Set(record.Id, record);
        await WriteAsync();
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await GrainFactory.GetGrain<IWebhookReaderGrain>(IWebhookReaderGrain.Key).WakeAsync();
        return Result.Ok(record.ToSnapshot());
    }

    public Task<WebhookSubscriptionSnapshot?> GetAsync(string id) =>
        Task.FromResult(Rows.TryGetValue(id, out var record) ? record.ToSnapshot() : null);

    public Task<ImmutableArray<WebhookSubscriptionSnapshot>> ListAsync() =>
        Task.FromResult(Rows.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToSnapshot()).ToImmutableArray());

    public async Task<Result<WebhookSubscriptionSnapshot>> UpdateAsync(string id, UpdateWebhookSubscription request)
    {
        if (!Rows.TryGetValue(id, out var record))
        {
            return NotFound(id);
        }
        if (request.ExpectedVersion is { } expected && expected != record.Version)
        {
            return CommandError.StaleVersion(expected, record.Version);
        }
        if (Check(request.Url, request.EventTypes, request.Secret) is { } error)
        {
            return error;
        }
        var now = time.GetUtcNow();
        var updated = record with
        {
            Url = request.Url,
            EventTypes = request.EventTypes,
            Secret = request.Secret ?? record.Secret,
            SecretRotatedAt = request.Secret is null ? record.SecretRotatedAt : now,
            Version = record.Version + 1,
            UpdatedAt = now,
        };
        Rows.Set(id, updated);
        await WriteAsync();
        await TellQueuesAsync(id, queue => queue.SetTargetAsync(updated.ToTarget()));
        return Result.Ok(updated.ToSnapshot());
    }

    public async Task<Result<WebhookSubscriptionSnapshot>> DeleteAsync(string id, int? expectedVersion)
    {
        if (!Rows.TryGetValue(id, out var record))
        {
            return NotFound(id);
        }
        if (expectedVersion is { } expected && expected != record.Version)
        {
            return CommandError.StaleVersion(expected, record.Version);
        }
        Rows.Remove(id);
        await WriteAsync();
        // A queue not reached now clears itself at its next reminder, finding its subscription gone.
        await TellQueuesAsync(id, queue => queue.ClearAsync());
        return Result.Ok(record.ToSnapshot());
    }

    public async Task<WebhookDeliveryPage?> GetDeliveriesAsync(string id, string? after, int limit)
    {
        if (!Rows.ContainsKey(id))
        {
            return null;
        }
        var pages = await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count).Select(p => Queue(id, p).ReadLogAsync(after, limit)));
        var merged = pages.SelectMany(p => p.Deliveries).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return new WebhookDeliveryPage([.. merged.Take(limit)], merged.Count > limit || pages.Any(p => p.HasMore));
    }

    public async Task<Result<WebhookDeadLetter>> RedeliverAsync(string id, Guid eventId)
    {
        if (!Rows.ContainsKey(id))
        {
            return NotFound(id);
        }
        var found = await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count).Select(p => Queue(id, p).RedeliverAsync(eventId)));
        return found.FirstOrDefault(d => d is not null) is { } letter
            ? Result.Ok(letter)
            : CommandError.NotFound($"Subscription {id} holds no dead letter with event id {eventId}.", "eventId");
    }

    public Task<ImmutableArray<WebhookTarget>> GetTargetsAsync() =>
        Task.FromResult(Rows.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToTarget()).ToImmutableArray());

    public Task<WebhookTarget?> GetTargetAsync(string id) =>
        Task.FromResult(Rows.TryGetValue(id, out var record) ? record.ToTarget() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Rows.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        await GrainFactory.GetGrain<IWebhookReaderGrain>(IWebhookReaderGrain.Key).WakeAsync();
    }

    /// <summary>The grain's own check of what the API checked: a change that passes the API always passes here.</summary>
    private CommandError? Check(string url, ImmutableArray<string> eventTypes, string? secret)
    {
        if (WebhookUrls.Problem(url, options.Value.AllowHttp) is { } problem)
        {
            return CommandError.Invalid("url", problem);
        }
        if (eventTypes.IsDefaultOrEmpty || eventTypes.Length > WebhookLimits.EventTypes)
        {
            return CommandError.Invalid("eventTypes", $"Name 1 to {WebhookLimits.EventTypes} event types.");
        }
        if (eventTypes.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t)) is { } unknown)
        {
            return CommandError.Invalid("eventTypes", $"'{unknown}' is not a case event type.");
        }
        if (eventTypes.Distinct(StringComparer.Ordinal).Count() != eventTypes.Length)
        {
            return CommandError.Invalid("eventTypes", "An event type is listed twice.");
        }
        if (secret is not null && !WebhookLimits.IsValidSecret(secret))
        {
            return CommandError.Invalid("secret", $"A secret is {WebhookLimits.SecretMin} to {WebhookLimits.SecretMax} printable ASCII characters without spaces.");
        }
        return null;
    }

    private async Task TellQueuesAsync(string id, Func<IWebhookQueueGrain, Task> tell) =>
        await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count).Select(async p =>
        {
            try
            {
                await tell(Queue(id, p));
            }
            catch (Exception exception)
            {
                logger.QueueNotTold(exception, id, p);
            }
        }));

    private async Task WriteAsync()
    {
        try
        {
            state.State.Changes++;
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget the change by reading what is.
            DeactivateOnIdle();
            throw;
        }
    }

    private IWebhookQueueGrain Queue(string id, int partition) => GrainFactory.GetGrain<IWebhookQueueGrain>(WebhookKeys.Queue(id, partition));

    private static CommandError NotFound(string id) => CommandError.NotFound($"No webhook subscription has the id '{id}'.", "id");
}
