using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;

namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>A cluster (silos and the API) on a PostgreSQL database with the load running against it; disposed load
/// first, then the processes, then the scratch database if the run created one.</summary>
public sealed class ClusterRun(string connectionString, ClusterRig rig, LoadSession load, ScratchDatabase? database) : IAsyncDisposable
{
    public string ConnectionString => connectionString;

    public ClusterRig Rig => rig;

    public LoadSession Load => load;

    public async ValueTask DisposeAsync()
    {
        await load.DisposeAsync();
        await rig.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
