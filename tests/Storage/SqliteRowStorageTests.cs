using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>The row-backed storage contract against the embedded silo's SQLite storage.</summary>
public sealed class SqliteRowStorageTests(SqliteProviderFixture fixture) : IClassFixture<SqliteProviderFixture>
{
    [Fact] public Task StoresRowsItemByItemAndLoadsThemIntoANewInstance() => RowBackedStorageContract.StoresRowsItemByItemAndLoadsThemIntoANewInstance(fixture);
    [Fact] public Task AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder() => RowBackedStorageContract.AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder(fixture);
    [Fact] public Task RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse() => RowBackedStorageContract.RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse(fixture);
    [Fact] public Task ARefusedWriteAppliesNeitherItsRowsNorItsEvents() => RowBackedStorageContract.ARefusedWriteAppliesNeitherItsRowsNorItsEvents(fixture);
    [Fact] public Task RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap() => RowBackedStorageContract.RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap(fixture);
    [Fact] public Task ClearRemovesTheRecordAndItsRowsButKeepsItsEvents() => RowBackedStorageContract.ClearRemovesTheRecordAndItsRowsButKeepsItsEvents(fixture);
    [Fact] public Task CommitsTheOtherWritesWhenOneAmongThemIsRefused() => RowBackedStorageContract.CommitsTheOtherWritesWhenOneAmongThemIsRefused(fixture);
    [Fact] public Task FailsOnlyTheWriteThatRepeatsAnEventIdAmongConcurrentWrites() => RowBackedStorageContract.FailsOnlyTheWriteThatRepeatsAnEventIdAmongConcurrentWrites(fixture);
}
