using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Cases;

/// <summary>
/// Hands out case numbers unique across concurrent hosts. Each day has a counter row in Table
/// Storage; a host reserves a block of numbers with one ETag-guarded update and serves the block
/// from memory. Numbers of a block not used before the host stops or the day ends are gaps, which
/// the SPEC allows.
/// </summary>
public sealed class CaseNumberAllocator : IDisposable
{
    private const string CounterRow = "counter";
    private const string NextProperty = "Next";

    private readonly StorageTables _tables;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly int _blockSize;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateOnly _day;
    private int _next;
    private int _end;

    /// <summary>Creates the allocator.</summary>
    public CaseNumberAllocator(StorageTables tables, TimeProvider time, IOptions<CaseStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _time = time;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.ServiceTimeZone);
        _blockSize = options.Value.CaseNumberBlockSize;
    }

    /// <summary>The next case number, dated today in the service time zone.</summary>
    public async Task<CaseNumber> NextAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);
            if (today != _day || _next >= _end)
            {
                (_next, _end) = await ReserveAsync(today, cancellationToken);
                _day = today;
            }

            return new CaseNumber(_day, _next++);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Reserves [first, end) on the day's counter row, retrying on a concurrent reservation.</summary>
    private async Task<(int First, int End)> ReserveAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(StorageTables.Numbers, cancellationToken);
        var partition = CaseNumber.DayPrefix(day);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken);
            var first = existing.HasValue ? (int)(existing.Value!.GetInt64(NextProperty) ?? 1) : 1;
            if (first > CaseNumber.MaxSequence)
            {
                throw new CaseNumberExhaustedException($"All case numbers of {partition.TrimEnd('-')} are used.");
            }

            var end = (int)Math.Min((long)first + _blockSize, CaseNumber.MaxSequence + 1L);
            var row = new TableEntity(partition, CounterRow) { [NextProperty] = (long)end };
            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }

                return (first, end);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another host reserved a block first (one always wins): read the counter again.
            }
        }
    }
}
