using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;

namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>Cases whose SLA clock fires a minute after they open: proof that reminders (the SLA buckets' durable
/// wake-ups) still fire after the silos that held the buckets went away. Only urgent cases have an SLA under the policy
/// set here, so the load's cases register nothing and no bucket is woken by a new entry instead of its reminder.</summary>
internal static class SlaProbes
{
    public static async Task SetPolicyAsync(LedgerClient client, CancellationToken cancellationToken)
    {
        var oneMinute = new { duration = "00:01:00", clock = "calendar" };
        var status = await client.PutJsonAsync("/api/sla/policy", new
        {
            warningPercent = 50,
            rules = new[] { new { id = "faults-urgent", priority = "urgent", firstResponse = oneMinute, nextUpdate = oneMinute, resolution = new { duration = "00:02:00", clock = "calendar" } } },
        }, cancellationToken);
        Assert.True(status is 200 or 201, $"the SLA policy was answered {status}");
    }

    /// <summary>Opens urgent cases (not started, so their first response is breached a minute after opening).</summary>
    public static async Task<IReadOnlyList<string>> OpenAsync(LedgerClient client, string customerId, int count, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var write = await client.OpenCaseAsync(customerId, "consultation", cancellationToken, priority: "urgent");
            Assert.Equal(WriteOutcome.Acknowledged, write.Outcome);
            numbers.Add(write.CaseNumber!);
        }
        return numbers;
    }

    /// <summary>Waits until every probe's journal records its first-response breach; returns when the last one was seen.</summary>
    public static async Task<TimeSpan> WaitForBreachesAsync(LedgerClient client, IReadOnlyList<string> numbers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(numbers, StringComparer.Ordinal);
        var deadline = client.Ledger.Now + (timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        while (pending.Count > 0)
        {
            foreach (var number in pending.ToList())
            {
                var (_, body) = await client.GetJsonAsync($"/api/cases/{number}/history", cancellationToken);
                if (body?["events"]?.AsArray().Any(e => (string?)e?["action"] == "slaBreached") == true)
                {
                    pending.Remove(number);
                }
            }
            if (pending.Count > 0)
            {
                Assert.True(client.Ledger.Now < deadline, $"no slaBreached event within {timeout.TotalSeconds:0} s on {string.Join(", ", pending)}");
                await Task.Delay(500, cancellationToken);
            }
        }
        return client.Ledger.Now;
    }
}
