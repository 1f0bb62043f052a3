using System.Globalization;
using AfterSales.Cases;
using AfterSales.Domain;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Complaints;

/// <summary>
/// Hands out complaint ids (<c>CMP-2026-000123</c>) from blocks reserved from the year's durable high-water mark — the
/// same block grain as case numbers, under the key <c>complaint/{year}</c>. Complaints are far fewer than cases, so a block
/// is reserved when the last one is used up rather than ahead. A stateless worker: no single grain sees every complaint.
/// A crash loses the rest of a block: gaps, never reuse.
/// </summary>
[StatelessWorker]
internal sealed class ComplaintNumberGrain(IOptions<ComplaintOptions> options, TimeProvider time) : Grain, IComplaintNumberGrain
{
    internal const int BlockSize = 20;

    private int _year;
    private long _next;
    private long _end;

    public async Task<string> NextAsync()
    {
        var year = time.GetUtcNow().Year;
        if (year != _year || _next >= _end)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"complaint/{year}");
            var first = await GrainFactory.GetGrain<ICaseNumberBlockGrain>(key).ReserveAsync(BlockSize);
            (_year, _next, _end) = (year, first, first + BlockSize);
        }
        return CaseNumberFormat.Format(options.Value.IdPrefix, _year, _next++);
    }
}
