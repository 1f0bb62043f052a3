namespace AfterSales.Domain.Routing;

/// <summary>
/// Capacity a department has promised on its view for offers whose claims are still in flight: each case holds at
/// most one reservation, on one technician. The view adds a technician's reserved units to its load, so decisions
/// made while claims are in flight see them. A reservation ends when its claim is confirmed or refused, when a newer
/// status pushed by the technician supersedes it (the technician's own load is the truth), or when it expires, so a
/// lost confirmation cannot hold capacity for longer than the lifetime.
/// </summary>
internal sealed class Reservations
{
    private readonly Dictionary<string, Reservation> _byCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byTechnician = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _units = new(StringComparer.Ordinal);
    private readonly Queue<(string CaseNumber, long Id, DateTimeOffset ExpiresAt)> _expiry = new();
    private long _lastId;

    /// <summary>Reservations held.</summary>
    public int Count => _byCase.Count;

    /// <summary>Units reserved on a technician.</summary>
    public int UnitsOn(string technicianId) => _units.GetValueOrDefault(technicianId);

    /// <summary>The reservation a case holds, if any.</summary>
    public bool TryGet(string caseNumber, out Reservation reservation) => _byCase.TryGetValue(caseNumber, out reservation!);

    /// <summary>Reserves <paramref name="weight"/> units on a technician for a case, replacing the case's earlier
    /// reservation. Returns the technician of the replaced reservation (its units changed too), or null.</summary>
    /// <param name="sequence">The sequence of the technician's status the decision was made on.</param>
    public string? Reserve(string caseNumber, string technicianId, int weight, long sequence, DateTimeOffset expiresAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        var replaced = Release(caseNumber);
        var reservation = new Reservation(technicianId, weight, sequence, ++_lastId);
        _byCase[caseNumber] = reservation;
        if (!_byTechnician.TryGetValue(technicianId, out var cases))
        {
            _byTechnician[technicianId] = cases = [];
        }
        cases.Add(caseNumber);
        _units[technicianId] = UnitsOn(technicianId) + weight;
        _expiry.Enqueue((caseNumber, reservation.Id, expiresAt));
        return replaced == technicianId ? null : replaced;
    }

    /// <summary>Ends a case's reservation (confirmed or refused). Returns its technician, or null when it held none.</summary>
    public string? Release(string caseNumber)
    {
        if (!_byCase.Remove(caseNumber, out var reservation))
        {
            return null;
        }
        var technicianId = reservation.TechnicianId;
        var cases = _byTechnician[technicianId];
        cases.Remove(caseNumber);
        if (cases.Count == 0)
        {
            _byTechnician.Remove(technicianId);
            _units.Remove(technicianId);
        }
        else
        {
            _units[technicianId] -= reservation.Weight;
        }
        return technicianId;
    }

    /// <summary>A technician's status with <paramref name="sequence"/> arrived: every reservation on it made on an
    /// older status ends, because the technician's own load now counts what it accepted. True when any ended.</summary>
    public bool Supersede(string technicianId, long sequence)
    {
        if (!_byTechnician.TryGetValue(technicianId, out var cases))
        {
            return false;
        }
        var ended = false;
        foreach (var caseNumber in cases.ToArray())
        {
            if (_byCase[caseNumber].Sequence < sequence)
            {
                Release(caseNumber);
                ended = true;
            }
        }
        return ended;
    }

    /// <summary>Ends the reservations whose lifetime has passed and adds their technicians to <paramref name="ended"/>.</summary>
    public void Expire(DateTimeOffset now, ICollection<string> ended)
    {
        while (_expiry.TryPeek(out var next))
        {
            var current = _byCase.TryGetValue(next.CaseNumber, out var reservation) && reservation.Id == next.Id;
            if (current && next.ExpiresAt > now)
            {
                break;
            }
            _expiry.Dequeue();
            if (current)
            {
                Release(next.CaseNumber);
                ended.Add(reservation!.TechnicianId);
            }
        }
    }
}

/// <summary>Units promised to a technician for one case's claim.</summary>
/// <param name="Sequence">The sequence of the technician's status the decision was made on.</param>
/// <param name="Id">Distinguishes a reservation from a later one of the same case.</param>
internal sealed record Reservation(string TechnicianId, int Weight, long Sequence, long Id);
