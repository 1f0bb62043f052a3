using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Persistence;

/// <summary>A keyed collection stored one row per item: setting or removing an item records a pending change, and the
/// next state write stores only those rows. Iteration order is unspecified; grains that need an order keep an index.</summary>
/// <typeparam name="T">The item type; it must be serializable by the grain-state serializer (<c>[GenerateSerializer]</c>).</typeparam>
public sealed class StateRows<T>(string name) : IStateRows where T : class
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _pending = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<T> Values => _items.Values;

    public IReadOnlyDictionary<string, object?> PendingChanges => _pending;

    public T this[string key] => _items[key];

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T item) => _items.TryGetValue(key, out item);

    /// <summary>Adds or replaces the item under <paramref name="key"/>.</summary>
    public void Set(string key, T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items[key] = item;
        _pending[key] = item;
    }

    /// <summary>Removes the item under <paramref name="key"/>; false when there was none.</summary>
    public bool Remove(string key)
    {
        if (!_items.Remove(key))
        {
            return false;
        }
        _pending[key] = null;
        return true;
    }

    /// <summary>Removes every item.</summary>
    public void Clear()
    {
        foreach (var key in _items.Keys)
        {
            _pending[key] = null;
        }
        _items.Clear();
    }

    public void MarkWritten() => _pending.Clear();

    public void Load(IEnumerable<KeyValuePair<string, object>> rows)
    {
        _items.Clear();
        _pending.Clear();
        foreach (var (key, value) in rows)
        {
            _items[key] = (T)value;
        }
    }
}
