using System.Globalization;
using AfterSales.Domain;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Cases;

/// <summary>
/// Hands out case numbers from a block held in memory, reserving the next block from the year's
/// <see cref="ICaseNumberBlockGrain"/> when half of the current one is used, so the block is there before it is
/// needed: a request never waits for the block's durable write (every caller of this worker would wait behind it).
/// A stateless worker: every silo has its own activations, so no single grain sees every case. A crash loses the rest
/// of a block and the block reserved after it: gaps, never reuse.
/// </summary>
[StatelessWorker]
internal sealed class CaseNumberGrain(IOptions<AfterSalesOptions> options, TimeProvider time) : Grain, ICaseNumberGrain
{
    internal const int BlockSize = 100;

    private int _year;
    private long _next;
    private long _end;

    // The block asked for ahead, and the year it belongs to.
    private Task<long>? _reserved;
    private int _reservedYear;

    public async Task<string> NextAsync()
    {
        var year = time.GetUtcNow().Year;
        if (year != _year || _next >= _end)
        {
            var first = await TakeBlockAsync(year);
            _year = year;
            _next = first;
            _end = first + BlockSize;
        }
        if (_reserved is null && _end - _next <= BlockSize / 2)
        {
            _reservedYear = _year;
            _reserved = Block(_year).ReserveAsync(BlockSize);
        }
        return CaseNumberFormat.Format(options.Value.CaseNumberPrefix, _year, _next++);
    }

    /// <summary>The block reserved ahead for this year if there is one (a failed reservation fails this call only),
    /// else a block reserved now.</summary>
    private async Task<long> TakeBlockAsync(int year)
    {
        var reserved = _reserved;
        _reserved = null;
        if (reserved is not null && _reservedYear == year)
        {
            return await reserved;
        }
        // A block of another year is left unused (a gap), its outcome observed so a failure is not left unseen.
        _ = reserved?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return await Block(year).ReserveAsync(BlockSize);
    }

    private ICaseNumberBlockGrain Block(int year) => GrainFactory.GetGrain<ICaseNumberBlockGrain>(year.ToString(CultureInfo.InvariantCulture));
}
