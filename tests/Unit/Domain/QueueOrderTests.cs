using AfterSales.Cases;
using AfterSales.Departments;
using AfterSales.Domain;

namespace AfterSales.Tests.Unit.Domain;

public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static QueuedCase Entry(string number, CasePriority priority, int minutes) =>
        new(number, priority, CaseType.Fault, 1, T0.AddMinutes(minutes), T0.AddMinutes(minutes));

    [Fact]
    public void UrgentComesFirstThenOlderThenLowerNumber()
    {
        var queue = new[]
        {
            Entry("AS-2026-000005", CasePriority.Low, 0),
            Entry("AS-2026-000004", CasePriority.Normal, 10),
            Entry("AS-2026-000003", CasePriority.Urgent, 20),
            Entry("AS-2026-000002", CasePriority.Normal, 5),
            Entry("AS-2026-000001", CasePriority.High, 30),
            Entry("AS-2026-000006", CasePriority.Normal, 5),
        };

        var ordered = queue.Order(QueueOrder.Instance).Select(e => e.CaseNumber);

        Assert.Equal(
            ["AS-2026-000003", "AS-2026-000001", "AS-2026-000002", "AS-2026-000006", "AS-2026-000004", "AS-2026-000005"],
            ordered);
    }

    [Fact]
    public void AnEntryComparesEqualToItself()
    {
        var entry = Entry("AS-2026-000001", CasePriority.Normal, 0);

        Assert.Equal(0, QueueOrder.Instance.Compare(entry, entry with { }));
    }
}
