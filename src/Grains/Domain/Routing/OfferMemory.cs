namespace AfterSales.Domain.Routing;

/// <summary>
/// Which technician each case was last offered to, for the most recent <see cref="Capacity"/> cases. A retried offer
/// (its reply was lost) must reach the technician that may already hold the case, which then accepts idempotently;
/// without this hint the router could pick a second technician. A hint only: the oldest are forgotten first.
/// </summary>
internal sealed class OfferMemory(int capacity = OfferMemory.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private readonly Dictionary<string, string> _lastOffered = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Capacity { get; } = capacity;

    public int Count => _lastOffered.Count;

    public void Remember(string caseNumber, string technicianId)
    {
        if (!_lastOffered.TryAdd(caseNumber, technicianId))
        {
            _lastOffered[caseNumber] = technicianId;
            return;
        }
        _order.Enqueue(caseNumber);
        while (_order.Count > Capacity)
        {
            // A number forgotten and offered again is in the order twice, so it may be forgotten early: only a hint.
            _lastOffered.Remove(_order.Dequeue());
        }
    }

    public bool TryGet(string caseNumber, out string technicianId) => _lastOffered.TryGetValue(caseNumber, out technicianId!);

    /// <summary>Forgets the case; returns the technician it was offered to, or null.</summary>
    public string? Forget(string caseNumber) => _lastOffered.Remove(caseNumber, out var technicianId) ? technicianId : null;

    /// <summary>Forgets the case only if it was last offered to <paramref name="technicianId"/> (that technician refused).</summary>
    public void ForgetIf(string caseNumber, string technicianId)
    {
        if (_lastOffered.TryGetValue(caseNumber, out var offered) && offered == technicianId)
        {
            _lastOffered.Remove(caseNumber);
        }
    }
}
