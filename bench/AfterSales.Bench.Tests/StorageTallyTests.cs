using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class StorageTallyTests
{
    [Fact]
    public void APhaseCountsOnlyTheCallsMadeDuringIt()
    {
        var counts = new GrainStorageCounts();
        counts.Wrote("technician", rows: 1, events: 0);
        var before = counts.Snapshot();

        counts.Wrote("case", rows: 0, events: 2);
        counts.Wrote("case", rows: 1, events: 1);
        counts.Read("case");
        var phase = counts.Snapshot().Minus(before);

        Assert.Equal(["case"], phase.ByState.Keys);
        Assert.Equal(new StateCounts(Writes: 2, Rows: 1, Events: 3, Reads: 1, Clears: 0, Failures: 0), phase.ByState["case"]);
    }

    [Fact]
    public void WritesPerOperationLeadWithTheTotalThenTheBusiestStates()
    {
        var counts = new GrainStorageCounts();
        for (var i = 0; i < 100; i++)
        {
            counts.Wrote("case", 0, 2);
            counts.Wrote("technician", 1, 0);
            counts.Wrote("customer", 0, 0);
        }
        counts.Wrote("case-number-block", 0, 0);
        counts.Wrote("technician", 1, 0);

        var rows = counts.Snapshot().PerOperation(operations: 100);

        Assert.Equal(["all", "technician", "case", "customer", "case-number-block"], rows.Select(r => r.StateName));
        Assert.Equal((3.02, 1.01, 0.01), (rows[0].WritesPerOperation, rows[1].WritesPerOperation, rows[4].WritesPerOperation));
        Assert.Equal(200, rows[0].Counts.Events);
    }

    [Fact]
    public void NoOperationsMeansNothingToDivideBy()
    {
        var counts = new GrainStorageCounts();
        counts.Wrote("case", 0, 0);

        Assert.Empty(counts.Snapshot().PerOperation(operations: 0));
    }
}
