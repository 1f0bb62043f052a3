using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>The grain-storage contract against the embedded silo's SQLite grain storage.</summary>
public sealed class EmbeddedSqliteStorageTests(EmbeddedSqliteFixture fixture) : IClassFixture<EmbeddedSqliteFixture>
{
    [Fact] public Task WritesAndReadsBackStateWithAnETag() => GrainStorageContract.WritesAndReadsBackStateWithAnETag(fixture);
    [Fact] public Task ReadsNothingForAStateNeverWritten() => GrainStorageContract.ReadsNothingForAStateNeverWritten(fixture);
    [Fact] public Task UpdatesWithTheCurrentETagAndIssuesANewOne() => GrainStorageContract.UpdatesWithTheCurrentETagAndIssuesANewOne(fixture);
    [Fact] public Task RefusesAWriteWithAStaleETagAndKeepsTheNewerState() => GrainStorageContract.RefusesAWriteWithAStaleETagAndKeepsTheNewerState(fixture);
    [Fact] public Task RefusesAFirstWriteWhenTheStateAlreadyExists() => GrainStorageContract.RefusesAFirstWriteWhenTheStateAlreadyExists(fixture);
    [Fact] public Task ClearsStateAndRefusesAStaleClear() => GrainStorageContract.ClearsStateAndRefusesAStaleClear(fixture);
    [Fact] public Task LetsExactlyOneOfRacingFirstWritesInAndKeepsOneRow() => GrainStorageContract.LetsExactlyOneOfRacingFirstWritesInAndKeepsOneRow(fixture);
    [Fact] public Task CommitsManyConcurrentWritesToDistinctGrains() => GrainStorageContract.CommitsManyConcurrentWritesToDistinctGrains(fixture);
}
