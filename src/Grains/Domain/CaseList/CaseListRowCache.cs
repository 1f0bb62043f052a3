using System.Diagnostics.CodeAnalysis;
using AfterSales.CaseList;

namespace AfterSales.Domain.CaseList;

/// <summary>The list rows a consumer wrote last, so that the next event of a recent case (most live events are) needs
/// no read of the store. Bounded: past <paramref name="capacity"/> rows the oldest written are forgotten (read again
/// when needed). Pure and single-threaded (one consumer grain owns it).</summary>
internal sealed class CaseListRowCache(int capacity = 2_000)
{
    private readonly Dictionary<string, CaseListRow> _rows = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _rows.Count;

    public bool TryGet(string number, [MaybeNullWhen(false)] out CaseListRow row) => _rows.TryGetValue(number, out row);

    public void Put(CaseListRow row)
    {
        if (!_rows.ContainsKey(row.Number))
        {
            _order.Enqueue(row.Number);
        }
        _rows[row.Number] = row;
        while (_rows.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _rows.Remove(oldest);
        }
    }
}
