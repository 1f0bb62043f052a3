using System.Diagnostics;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.CaseList;
using AfterSales.Silo.Storage.CaseList;
using Microsoft.Data.Sqlite;

namespace AfterSales.Bench.Scenarios;

/// <summary>Writes N synthetic case-list rows straight into an embedded data folder's SQLite file, in the store's own
/// column format (<see cref="CaseListColumns"/>), with plausible KPI facts: a year of cases, most resolved, some
/// breached, visited, surveyed or complained about. The API is idle meanwhile (nothing else writes), so the one
/// extra connection contends with nobody; the rows have no journal events, so the case feed never touches them (a
/// rebuild removes them). The text index is not filled: the measured reads filter, they do not search text.</summary>
internal static class KpiRowSeeder
{
    private const int RowsPerTransaction = 20_000;

    public static async Task<TimeSpan> SeedAsync(string databasePath, string serviceId, int rows, IReadOnlyList<string> regions,
        DateTimeOffset now, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync(cancellationToken);
        var random = new Random(seed);
        var departments = DepartmentNames.All.ToArray();
        for (var start = 0; start < rows; start += RowsPerTransaction)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = CaseListSql.Upsert;
            var first = true;
            for (var i = start; i < Math.Min(rows, start + RowsPerTransaction); i++)
            {
                var number = $"AS-SEED-{i:D8}";
                var row = Row(random, number, departments, regions, now);
                if (first)
                {
                    insert.Parameters.AddWithValue("@service", serviceId);
                    insert.Parameters.AddWithValue("@partition", 0);
                    foreach (var (name, value) in CaseListColumns.Values(row))
                    {
                        insert.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
                    }
                    first = false;
                }
                insert.Parameters["@partition"].Value = FeedPartitions.Of(number);
                foreach (var (name, value) in CaseListColumns.Values(row))
                {
                    insert.Parameters["@" + name].Value = value ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE case_list;";
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        return clock.Elapsed;
    }

    private static CaseListRow Row(Random random, string number, Department[] departments, IReadOnlyList<string> regions, DateTimeOffset now)
    {
        var created = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
        var priority = (CasePriority)Math.Min(3, (int)Math.Floor(random.NextDouble() * random.NextDouble() * 5));
        var resolved = random.NextDouble() < 0.85 ? created.AddMinutes(random.Next(30, 14 * 24 * 60)) : (DateTimeOffset?)null;
        if (resolved > now)
        {
            resolved = null;
        }
        var status = resolved is null ? (CaseStatus)random.Next(0, 4) : random.NextDouble() < 0.5 ? CaseStatus.Closed : CaseStatus.Resolved;
        var visits = random.Next(0, 4);
        var answers = random.NextDouble() < 0.3 ? 1 : 0;
        var nps = random.Next(0, 11);
        var kpi = new CaseKpiFacts(
            created.AddMinutes(random.Next(5, 600)),
            random.NextDouble() < 0.05 ? 1 : 0,
            visits,
            visits > 0 && random.NextDouble() < 0.7,
            visits * random.Next(20, 120),
            visits > 0 ? created.AddHours(random.Next(1, 72)) : null,
            random.NextDouble() < 0.1 ? created.AddHours(2) : null,
            random.NextDouble() < 0.08 ? created.AddDays(2) : null,
            answers,
            answers > 0 && random.NextDouble() < 0.75 ? 1 : 0,
            answers > 0 && nps >= 9 ? 1 : 0,
            answers > 0 && nps <= 6 ? 1 : 0,
            answers > 0 ? (resolved ?? created).AddHours(6) : null,
            random.NextDouble() < 0.02 ? 1 : 0);
        return new CaseListRow(number, CaseType.Fault, status, priority, CaseChannel.Phone, departments[random.Next(departments.Length)],
            regions[random.Next(regions.Count)], $"tech-{random.Next(500)}", $"C-{random.Next(100_000)}", null, "Seeded case", "",
            created, resolved ?? created, resolved, null, 1, kpi);
    }
}
