namespace AfterSales.Faults.Checking;

/// <summary>What the checker found: the acknowledged writes it verified and every discrepancy, each named by its write
/// and case so a failure says what to look at.</summary>
public sealed class LedgerVerdict
{
    /// <summary>Acknowledged writes whose effect is not in the database.</summary>
    public List<string> Lost { get; } = [];

    /// <summary>Writes stored more than once (two cases for one idempotency key, an event twice).</summary>
    public List<string> Duplicated { get; } = [];

    /// <summary>Stored, but not as acknowledged (another subject, no assignment the answer named).</summary>
    public List<string> Mismatched { get; } = [];

    public int AcknowledgedOpens { get; set; }

    public int AcknowledgedStarts { get; set; }

    /// <summary>Writes without a 2xx whose effect is stored anyway (allowed: the outcome was unknown to the client).</summary>
    public int UnacknowledgedButStored { get; set; }

    public int CasesStored { get; set; }

    public bool Clean => Lost.Count == 0 && Duplicated.Count == 0 && Mismatched.Count == 0;

    public string Describe()
    {
        var summary = $"acknowledged opens {AcknowledgedOpens}, acknowledged starts {AcknowledgedStarts}, cases stored {CasesStored}, " +
            $"unacknowledged but stored {UnacknowledgedButStored}; lost {Lost.Count}, duplicated {Duplicated.Count}, mismatched {Mismatched.Count}";
        var details = Lost.Select(l => "lost: " + l).Concat(Duplicated.Select(d => "duplicated: " + d)).Concat(Mismatched.Select(m => "mismatched: " + m)).Take(20);
        return string.Join(Environment.NewLine, [summary, .. details]);
    }
}
