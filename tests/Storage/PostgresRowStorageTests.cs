using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>The row-backed storage contract against the cluster silo's PostgreSQL storage.</summary>
public sealed class PostgresRowStorageTests(PostgresProviderFixture fixture) : IClassFixture<PostgresProviderFixture>
{
    [PostgresFact] public Task StoresRowsItemByItemAndLoadsThemIntoANewInstance() => RowBackedStorageContract.StoresRowsItemByItemAndLoadsThemIntoANewInstance(fixture);
    [PostgresFact] public Task AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder() => RowBackedStorageContract.AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder(fixture);
    [PostgresFact] public Task RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse() => RowBackedStorageContract.RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse(fixture);
    [PostgresFact] public Task ARefusedWriteAppliesNeitherItsRowsNorItsEvents() => RowBackedStorageContract.ARefusedWriteAppliesNeitherItsRowsNorItsEvents(fixture);
    [PostgresFact] public Task RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap() => RowBackedStorageContract.RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap(fixture);
    [PostgresFact] public Task ClearRemovesTheRecordAndItsRowsButKeepsItsEvents() => RowBackedStorageContract.ClearRemovesTheRecordAndItsRowsButKeepsItsEvents(fixture);
    [PostgresFact] public Task CommitsTheOtherWritesWhenOneAmongThemIsRefused() => RowBackedStorageContract.CommitsTheOtherWritesWhenOneAmongThemIsRefused(fixture);
}
