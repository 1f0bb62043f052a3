using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>How fast a Cluster-mode silo notices a dead peer (section <c>AfterSales:Hosting:Membership</c>); copied
/// onto Orleans' <see cref="ClusterMembershipOptions"/>. The defaults are tuned and measured (deploy/FAILURES.md).</summary>
/// <remarks>A silo is declared dead once <see cref="NumVotesForDeathDeclaration"/> silos each saw
/// <see cref="NumMissedProbesLimit"/> probes in a row fail. With a crashed process the probes fail at once (the
/// connection is refused), so detection takes about <see cref="NumMissedProbesLimit"/> probe periods (one
/// <see cref="ProbeTimeout"/> each) plus a table write: 2–4 s with the defaults, against 13–15 s with Orleans' own.
/// A busy but healthy silo is protected by Orleans' adaptive probe timeout (up to four times
/// <see cref="ProbeTimeout"/>), by suppressing votes while its connection still delivers messages, and by the
/// second vote.</remarks>
public sealed class MembershipTimingOptions
{
    /// <summary>Initial timeout of one liveness probe, and the period between probes. Default 1 s (Orleans: 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Probes missed in a row before a silo suspects its peer and votes. Default 3 (Orleans: 3).</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Silos each silo probes. Default 10 (Orleans: 10).</summary>
    public int NumProbedSilos { get; set; } = 10;

    /// <summary>Fresh votes needed to declare a silo dead (with fewer live silos, all of them). Default 2 (Orleans: 2).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a vote counts. Short, so that suspicions from separate load spikes minutes apart never add up to
    /// a death; long enough for the second voter, which suspects within a few probe periods. Default 20 s (Orleans: 2 min).</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Period of a silo's heartbeat in the membership table (what operators and stale-entry cleanup read).
    /// Default 10 s (Orleans: 30 s).</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Period of a full read of the membership table, the backstop for a missed gossip message. Default 10 s
    /// (Orleans: 60 s).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a silo is declared dead the grain directory keeps its grains from being activated
    /// elsewhere. Default 2 s (Orleans' own hold is 30 s from the estimated failure: 18 s after the declaration with these
    /// probe settings, during which every request for a grain of a crashed silo fails; 18 s here gives it back). The hold
    /// is for a silo declared dead while still running (cut off, or slow to stop): it learns its status from the next
    /// gossip or table read and stops, and until then its activations could still answer. 2 s brought a crashed silo's
    /// grains back 2.2–3.7 s after a <c>kill -9</c> in the measured runs; a stale activation cannot overwrite newer state
    /// because every grain write is checked against the stored version (deploy/FAILURES.md).</summary>
    public TimeSpan DeadSiloLease { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Orleans counts the directory's hold from the silo's estimated failure: its range lease minus the
    /// failure-detection window (the longest probe timeout × the probes missed). The lease is therefore that window plus
    /// <see cref="DeadSiloLease"/>, so the hold ends <see cref="DeadSiloLease"/> after the declaration.</summary>
    internal void ApplyTo(GrainDirectoryOptions directory, ClusterMembershipOptions membership) =>
        directory.RangeLeaseDuration = membership.MaxProbeTimeout * membership.NumMissedProbesLimit + DeadSiloLease;

    internal void ApplyTo(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = NumMissedProbesLimit;
        membership.NumProbedSilos = NumProbedSilos;
        membership.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        membership.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
        membership.IAmAliveTablePublishTimeout = IAmAliveTablePublishTimeout;
        membership.TableRefreshTimeout = TableRefreshTimeout;
    }

    internal IEnumerable<string> Validate(string section)
    {
        if (ProbeTimeout < TimeSpan.FromMilliseconds(100) || ProbeTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:ProbeTimeout must be between 00:00:00.1 and 00:01:00.";
        }
        if (NumMissedProbesLimit is < 1 or > 10)
        {
            yield return $"{section}:NumMissedProbesLimit must be between 1 and 10.";
        }
        if (NumProbedSilos is < 1 or > 30)
        {
            yield return $"{section}:NumProbedSilos must be between 1 and 30.";
        }
        if (NumVotesForDeathDeclaration < 1 || NumVotesForDeathDeclaration > NumProbedSilos)
        {
            yield return $"{section}:NumVotesForDeathDeclaration must be at least 1 and at most NumProbedSilos.";
        }
        if (DeathVoteExpirationTimeout < ProbeTimeout * (NumMissedProbesLimit + 1))
        {
            yield return $"{section}:DeathVoteExpirationTimeout must be at least ProbeTimeout × (NumMissedProbesLimit + 1), "
                + "or the votes of one failure expire before enough are cast.";
        }
        if (IAmAliveTablePublishTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{section}:IAmAliveTablePublishTimeout must be at least 1 second.";
        }
        if (TableRefreshTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{section}:TableRefreshTimeout must be at least 1 second.";
        }
        if (DeadSiloLease < TimeSpan.Zero || DeadSiloLease > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:DeadSiloLease must be between 00:00:00 and 00:05:00.";
        }
    }
}
