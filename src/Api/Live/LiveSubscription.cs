using System.Threading.Channels;
using AfterSales.Live;

namespace AfterSales.Api.Live;

/// <summary>One open live view: the changes it wants, buffered for its connection. A reader that falls behind loses
/// the oldest changes, not the newest: a view reloads what it shows on any change, so the latest is what matters.</summary>
internal sealed class LiveSubscription(LiveHub hub, Func<CaseChange, bool> wants) : IDisposable
{
    private const int Capacity = 256;

    private readonly Channel<CaseChange> _changes = Channel.CreateBounded<CaseChange>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<CaseChange> Reader => _changes.Reader;

    internal void Offer(CaseChange change)
    {
        if (wants(change))
        {
            _changes.Writer.TryWrite(change);
        }
    }

    public void Dispose()
    {
        hub.Close(this);
        _changes.Writer.TryComplete();
    }
}
