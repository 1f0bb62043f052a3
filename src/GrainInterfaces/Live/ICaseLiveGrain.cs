namespace AfterSales.Live;

/// <summary>One partition (<c>p00</c>…<c>p15</c>) of the case-event stream, followed for the live views: it tells the
/// subscribed API processes what changed, so no view polls the cases.</summary>
[Alias("AfterSales.Live.ICaseLiveGrain")]
public interface ICaseLiveGrain : IGrainWithStringKey
{
    /// <summary>Subscribes (or renews) an observer; a subscription not renewed within the expiry (2 minutes) lapses, so a
    /// process that died stops being called.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ICaseLiveObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ICaseLiveObserver observer);
}
