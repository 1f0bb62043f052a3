namespace AfterSales.Webhooks;

/// <summary>Wakes the webhook reader when a silo starts, so deliveries waiting from before a restart go on at once
/// rather than at the subscriptions grain's next reminder. Registered as a service, so any silo that adds the grains'
/// services gets it; a host without a silo never resolves it.</summary>
internal sealed class WebhookReaderStartup(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WebhookReaderStartup), ServiceLifecycleStage.Active, _ =>
            grains.GetGrain<IWebhookReaderGrain>(IWebhookReaderGrain.Key).WakeAsync());
}
