namespace AfterSales.Webhooks;

/// <summary>Reads the journal once for every webhook queue and hands each its partition's events (key
/// <see cref="Key"/>).</summary>
[Alias("AfterSales.Webhooks.IWebhookReaderGrain")]
internal interface IWebhookReaderGrain : IGrainWithStringKey
{
    const string Key = "journal";

    /// <summary>Activates the reader (its timer then keeps the queues fed).</summary>
    [OneWay, Alias("Wake")]
    Task WakeAsync();

    /// <summary>Forgets the checkpoints it cached (a subscription was deleted or created) and reads now.</summary>
    [Alias("Refresh")]
    Task RefreshAsync();
}
