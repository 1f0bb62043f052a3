using AfterSales.Domain.Sla;
using NodaTime;
using static AfterSales.Tests.Unit.Domain.Sla.SlaCalendars;

namespace AfterSales.Tests.Unit.Domain.Sla;

/// <summary>A calendar is shared by every case of its region and keeps the days it resolved: walks over days it has
/// seen, from other instants and on other threads, answer what a calendar walking them for the first time answers.</summary>
public sealed class BusinessCalendarReuseTests
{
    private const string Berlin = "Europe/Berlin";

    // Across the spring and autumn changes of 2026 (29 March, 25 October) and a holiday.
    private static readonly Instant[] Starts =
    [
        Local(Berlin, 2026, 3, 27, 16), Local(Berlin, 2026, 3, 30, 8), Local(Berlin, 2026, 3, 30, 12, 30),
        Local(Berlin, 2026, 10, 23, 15), Local(Berlin, 2026, 10, 26, 9), Local(Berlin, 2026, 12, 24, 10),
    ];

    private static BusinessCalendar Calendar() => Weekly(Berlin, [Hours(8, 12), Hours(13, 17)],
        new AfterSales.Sla.Holiday(new DateOnly(2026, 12, 25), "Christmas", []));

    [Fact]
    public void RepeatedWalksOfOneCalendarAnswerWhatFreshCalendarsAnswer()
    {
        var shared = Calendar();

        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var start in Starts)
            {
                foreach (var hours in new[] { 1, 7, 30, 200 })
                {
                    var duration = Duration.FromHours(hours) + Duration.FromMinutes(round * 7);
                    var expected = BusinessTime.Add(Calendar(), start, duration);
                    var actual = BusinessTime.Add(shared, start, duration);

                    Assert.Equal(expected, actual);
                    Assert.Equal(BusinessTime.Between(Calendar(), start, expected!.Value), BusinessTime.Between(shared, start, actual!.Value));
                }
            }
        }
    }

    [Fact]
    public async Task ConcurrentWalksOfOneCalendarAgree()
    {
        var shared = Calendar();
        var expected = Starts.Select(start => BusinessTime.Add(Calendar(), start, Duration.FromHours(123))).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            BusinessTime.Add(shared, Starts[i % Starts.Length], Duration.FromHours(123)))));

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal(expected[i % Starts.Length], answers[i]);
        }
    }
}
