using AfterSales.Persistence;
using Orleans.Storage;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>A started provider: its grain storage, its event log, and how to stop it.</summary>
public sealed class OpenProvider(IGrainStorage storage, IEventLog events, Func<ValueTask> stop) : IAsyncDisposable
{
    public IGrainStorage Storage { get; } = storage;

    public IEventLog Events { get; } = events;

    public ValueTask DisposeAsync() => stop();
}
