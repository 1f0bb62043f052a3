using System.Globalization;
using AfterSales.Domain;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Cases;

/// <summary>
/// Hands out case numbers from a block held in memory, reserving the next block from the year's
/// <see cref="ICaseNumberBlockGrain"/> only when the block runs out. A stateless worker: every silo has its
/// own activations, so no single grain sees every case. A crash loses the rest of a block: gaps, never reuse.
/// </summary>
[StatelessWorker]
internal sealed class CaseNumberGrain(IOptions<AfterSalesOptions> options, TimeProvider time) : Grain, ICaseNumberGrain
{
    internal const int BlockSize = 100;

    private int _year;
    private long _next;
    private long _end;

    public async Task<string> NextAsync()
    {
        var year = time.GetUtcNow().Year;
        if (year != _year || _next >= _end)
        {
            var block = GrainFactory.GetGrain<ICaseNumberBlockGrain>(year.ToString(CultureInfo.InvariantCulture));
            var first = await block.ReserveAsync(BlockSize);
            _year = year;
            _next = first;
            _end = first + BlockSize;
        }
        return CaseNumberFormat.Format(options.Value.CaseNumberPrefix, _year, _next++);
    }
}
