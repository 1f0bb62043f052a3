using AfterSales.Departments;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// A department's routing view of its roster: each technician's last known status plus the units reserved for
/// offers whose claims are in flight (<see cref="Reservations"/>), ranked in ordinal id order (round-robin's
/// order). The array the router reads is patched in place when one status changes and rebuilt only when
/// membership changes. Pure: the grain decides when to observe, reserve and expire.
/// </summary>
internal sealed class RosterView
{
    private readonly Dictionary<string, TechnicianStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Reservations _reservations = new();
    private readonly List<string> _expired = [];
    private TechnicianStatus[]? _view;
    private Dictionary<string, int>? _index;

    public int Count => _statuses.Count;

    public IEnumerable<string> Ids => _statuses.Keys;

    /// <summary>The statuses as the technicians last reported them (without reservations).</summary>
    public IEnumerable<TechnicianStatus> Statuses => _statuses.Values;

    /// <summary>Reservations held.</summary>
    public int Reserved => _reservations.Count;

    public bool Contains(string technicianId) => _statuses.ContainsKey(technicianId);

    public bool TryGet(string technicianId, out TechnicianStatus status) => _statuses.TryGetValue(technicianId, out status!);

    /// <summary>Takes a status unless the view holds a newer one; true when it was taken.</summary>
    public bool Observe(TechnicianStatus status, out TechnicianStatus? previous)
    {
        if (_statuses.TryGetValue(status.TechnicianId, out previous) && status.Sequence <= previous.Sequence)
        {
            return false;
        }
        Put(status, previous is not null);
        return true;
    }

    /// <summary>Takes a status only when the technician is on the roster already (replies to offers, refusals).</summary>
    public void ObserveIfPresent(TechnicianStatus status)
    {
        if (_statuses.ContainsKey(status.TechnicianId))
        {
            Observe(status, out _);
        }
    }

    /// <summary>Takes the technician's own answer, even over a higher sequence: its state is the truth.</summary>
    public void Replace(TechnicianStatus status) => Put(status, _statuses.ContainsKey(status.TechnicianId));

    public bool Remove(string technicianId)
    {
        if (!_statuses.Remove(technicianId))
        {
            return false;
        }
        _view = null;
        return true;
    }

    /// <summary>The roster in ordinal id order, each technician's load counting its reservations.</summary>
    public IReadOnlyList<TechnicianStatus> Ranked()
    {
        if (_view is null)
        {
            _view = [.. _statuses.Values.OrderBy(t => t.TechnicianId, StringComparer.Ordinal).Select(Effective)];
            _index = new Dictionary<string, int>(_view.Length, StringComparer.Ordinal);
            for (var i = 0; i < _view.Length; i++)
            {
                _index[_view[i].TechnicianId] = i;
            }
        }
        return _view;
    }

    /// <summary>The heaviest case a technician could take now by the view (reservations counted): 0 when it is not on the
    /// roster or not available.</summary>
    public int RoomOf(string technicianId)
    {
        var view = Ranked();
        return _index!.TryGetValue(technicianId, out var index) && view[index].Available ? Room.For(view[index]) : 0;
    }

    /// <summary>The technician a case's reservation is on, if it holds one.</summary>
    public string? ReservedFor(string caseNumber) => _reservations.TryGet(caseNumber, out var held) ? held.TechnicianId : null;

    /// <summary>Reserves a case's weight on a technician of the roster (replacing the case's earlier reservation).</summary>
    public void Reserve(string caseNumber, string technicianId, int weight, DateTimeOffset expiresAt)
    {
        var replaced = _reservations.Reserve(caseNumber, technicianId, weight, _statuses[technicianId].Sequence, expiresAt);
        Refresh(technicianId);
        if (replaced is not null)
        {
            Refresh(replaced);
        }
    }

    /// <summary>Ends a case's reservation; returns its technician (whose units are free again), or null.</summary>
    public string? Release(string caseNumber)
    {
        var technicianId = _reservations.Release(caseNumber);
        if (technicianId is not null)
        {
            Refresh(technicianId);
        }
        return technicianId;
    }

    /// <summary>Ends the reservations made on a status older than <paramref name="status"/>; true when any ended.</summary>
    public bool Supersede(TechnicianStatus status)
    {
        if (_reservations.Count == 0 || !_reservations.Supersede(status.TechnicianId, status.Sequence))
        {
            return false;
        }
        Refresh(status.TechnicianId);
        return true;
    }

    /// <summary>Ends the reservations whose lifetime has passed; true when any ended.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (_reservations.Count == 0)
        {
            return false;
        }
        _reservations.Expire(now, _expired);
        if (_expired.Count == 0)
        {
            return false;
        }
        foreach (var technicianId in _expired)
        {
            Refresh(technicianId);
        }
        _expired.Clear();
        return true;
    }

    /// <summary>True when an available technician has room for a case of the lightest weight (one unit).</summary>
    public bool AnyRoom()
    {
        foreach (var technician in Ranked())
        {
            if (technician.Available && Room.For(technician) > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What a neighbour or sibling needs before offering overflow: free units of the available technicians
    /// and the heaviest case one of them could take now (<see cref="Room"/>).</summary>
    public DepartmentCapacity Capacity(int queued)
    {
        int available = 0, free = 0, largest = 0;
        foreach (var technician in Ranked())
        {
            if (technician.Available)
            {
                available++;
                free += technician.Free;
                largest = Math.Max(largest, Room.For(technician));
            }
        }
        return new DepartmentCapacity(available, free, largest, queued);
    }

    /// <summary>Aggregate load of the technicians on shift (reservations included).</summary>
    public DepartmentLoad Load(int queued)
    {
        int onShift = 0, capacity = 0, inUse = 0;
        foreach (var technician in Ranked())
        {
            if (technician.OnShift)
            {
                onShift++;
                capacity += technician.Capacity;
                inUse += technician.Load;
            }
        }
        return new DepartmentLoad(onShift, capacity, inUse, queued);
    }

    private void Put(TechnicianStatus status, bool known)
    {
        _statuses[status.TechnicianId] = status;
        if (known && _view is not null && _index!.TryGetValue(status.TechnicianId, out var index))
        {
            _view[index] = Effective(status);
        }
        else
        {
            _view = null;
        }
    }

    private TechnicianStatus Effective(TechnicianStatus status)
    {
        var reserved = _reservations.UnitsOn(status.TechnicianId);
        return reserved == 0 ? status : status with { Load = status.Load + reserved };
    }

    private void Refresh(string technicianId)
    {
        if (_view is not null && _index!.TryGetValue(technicianId, out var index) && _statuses.TryGetValue(technicianId, out var status))
        {
            _view[index] = Effective(status);
        }
    }
}
