using Orleans.Runtime;

namespace AfterSales.Silo.Schema;

/// <summary>Runs a schema migration at the very first stage of the silo's start, before clustering, storage or
/// reminders read their tables or their <c>OrleansQuery</c> rows.</summary>
internal sealed class SchemaMigrationParticipant(string name, Func<CancellationToken, Task<int>> migrate) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"SchemaMigration-{name}", ServiceLifecycleStage.First, async cancellationToken => await migrate(cancellationToken));
}
