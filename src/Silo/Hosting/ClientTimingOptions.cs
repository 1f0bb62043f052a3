using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>How long a Client-mode API waits on the cluster and how fast it sees gateways come and go (section
/// <c>AfterSales:Hosting:Client</c>). The reasons for the defaults are in deploy/FAILURES.md.</summary>
public sealed class ClientTimingOptions
{
    /// <summary>How long one grain call may go unanswered before the API answers 503 (the call's outcome is then
    /// unknown). It bounds what a request sent through a gateway that crashed costs: Orleans does not fail those calls
    /// when the connection drops, only when this expires. Default 10 s (Orleans: 30 s): above the slowest call the API
    /// makes (a KPI report over a million cases took 6.9 s), far below a 30 s hang. Methods known to take longer carry
    /// their own <c>[ResponseTimeout]</c>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Period of reading the live gateways from the membership table. A restarted silo takes new calls at the
    /// first read after it joined; a gateway the client saw fail stays unused for one period. Default 5 s (Orleans: 1 min,
    /// which kept a restarted silo's gateway unused for over two minutes).</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the calls in flight when a gateway connection drops may still take before they are answered
    /// 503 (<see cref="GatewayLossDeadline"/>). Default 2 s: about six times the p99 of a call under load on a 2-core
    /// box, so calls through the live gateways finish, while those stranded on the lost one no longer wait out
    /// <see cref="ResponseTimeout"/>.</summary>
    public TimeSpan GatewayLossGrace { get; set; } = TimeSpan.FromSeconds(2);

    internal void ApplyTo(ClientMessagingOptions messaging) => messaging.ResponseTimeout = ResponseTimeout;

    internal void ApplyTo(GatewayOptions gateways) => gateways.GatewayListRefreshPeriod = GatewayListRefreshPeriod;

    internal IEnumerable<string> Validate(string section)
    {
        if (ResponseTimeout < TimeSpan.FromSeconds(1) || ResponseTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:ResponseTimeout must be between 00:00:01 and 00:05:00.";
        }
        if (GatewayLossGrace < TimeSpan.FromMilliseconds(100) || GatewayLossGrace > ResponseTimeout)
        {
            yield return $"{section}:GatewayLossGrace must be at least 00:00:00.1 and at most ResponseTimeout.";
        }
        if (GatewayListRefreshPeriod < TimeSpan.FromSeconds(1) || GatewayListRefreshPeriod > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:GatewayListRefreshPeriod must be between 00:00:01 and 00:05:00.";
        }
    }
}
