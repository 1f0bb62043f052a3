using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>The grain-storage contract against the cluster silo's PostgreSQL grain storage.</summary>
public sealed class PostgresStorageTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [PostgresFact] public Task WritesAndReadsBackStateWithAnETag() => GrainStorageContract.WritesAndReadsBackStateWithAnETag(fixture);
    [PostgresFact] public Task ReadsNothingForAStateNeverWritten() => GrainStorageContract.ReadsNothingForAStateNeverWritten(fixture);
    [PostgresFact] public Task UpdatesWithTheCurrentETagAndIssuesANewOne() => GrainStorageContract.UpdatesWithTheCurrentETagAndIssuesANewOne(fixture);
    [PostgresFact] public Task RefusesAWriteWithAStaleETagAndKeepsTheNewerState() => GrainStorageContract.RefusesAWriteWithAStaleETagAndKeepsTheNewerState(fixture);
    [PostgresFact] public Task RefusesAFirstWriteWhenTheStateAlreadyExists() => GrainStorageContract.RefusesAFirstWriteWhenTheStateAlreadyExists(fixture);
    [PostgresFact] public Task ClearsStateAndRefusesAStaleClear() => GrainStorageContract.ClearsStateAndRefusesAStaleClear(fixture);
    [PostgresFact] public Task LetsExactlyOneOfRacingFirstWritesInAndKeepsOneRow() => GrainStorageContract.LetsExactlyOneOfRacingFirstWritesInAndKeepsOneRow(fixture);
    [PostgresFact] public Task CommitsManyConcurrentWritesToDistinctGrains() => GrainStorageContract.CommitsManyConcurrentWritesToDistinctGrains(fixture);
}
