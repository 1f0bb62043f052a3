using System.Data.Common;
using System.Globalization;
using System.Text;
using AfterSales.CaseList;
using AfterSales.Domain.CaseList;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>Builds the SELECT of a case-list page, the same for both stores apart from the text search: filters as
/// <c>IN</c> lists, keyset paging on (sort key, number), one row more than the page to know whether another follows.</summary>
/// <param name="wordClause">The condition for one search word, given the word and its parameter's name (the word
/// is the parameter's value unless the clause adds its own).</param>
internal sealed class CaseListSql(Func<string, string, List<(string Name, object? Value)>, string> wordClause)
{
    /// <summary>Inserts a row or updates it when the stored one is older (a lower last sequence): a late duplicate
    /// changes nothing. The SLA state is left as stored.</summary>
    public static readonly string Upsert =
        "INSERT INTO case_list (service_id, number, partition, type, status, priority, priority_rank, channel, department, region, " +
        "assignee_id, customer_id, device_serial, subject, description, created_ticks, updated_ticks, resolved_ticks, sla_state, last_sequence, " +
        string.Join(", ", CaseKpiColumns.Names) + ") " +
        "VALUES (@service, @number, @partition, @type, @status, @priority, @priority_rank, @channel, @department, @region, @assignee_id, " +
        "@customer_id, @device_serial, @subject, @description, @created_ticks, @updated_ticks, @resolved_ticks, @sla_state, @last_sequence, " +
        string.Join(", ", CaseKpiColumns.Names.Select(n => "@" + n)) + ") " +
        "ON CONFLICT (service_id, number) DO UPDATE SET type = excluded.type, status = excluded.status, priority = excluded.priority, " +
        "priority_rank = excluded.priority_rank, channel = excluded.channel, department = excluded.department, region = excluded.region, " +
        "assignee_id = excluded.assignee_id, customer_id = excluded.customer_id, device_serial = excluded.device_serial, " +
        "subject = excluded.subject, description = excluded.description, created_ticks = excluded.created_ticks, " +
        "updated_ticks = excluded.updated_ticks, resolved_ticks = excluded.resolved_ticks, last_sequence = excluded.last_sequence, " +
        string.Join(", ", CaseKpiColumns.Names.Select(n => $"{n} = excluded.{n}")) + " " +
        "WHERE case_list.last_sequence < excluded.last_sequence";

    /// <summary>The journal head, how many partitions have a checkpoint, and the lowest one.</summary>
    public const string Progress =
        "SELECT (SELECT coalesce(max(position), 0) FROM event_journal WHERE service_id = @service), count(*), coalesce(min(position), 0) " +
        "FROM case_list_checkpoint WHERE service_id = @service";

    /// <summary>Reads the one row of <see cref="Progress"/>: a partition without a checkpoint has applied nothing.</summary>
    public static ProjectionProgress ReadProgress(DbDataReader reader) =>
        new(reader.GetInt64(1) < FeedPartitions.Count ? 0 : reader.GetInt64(2), reader.GetInt64(0));

    public (string Sql, List<(string Name, object? Value)> Parameters) Page(CaseListQuery query)
    {
        var parameters = new List<(string Name, object? Value)> { ("service", null) };
        var where = new StringBuilder("service_id = @service");
        In(where, parameters, "status", query.Statuses.Select(s => (object?)CaseListColumns.Name(s)));
        In(where, parameters, "department", query.Departments.Select(d => (object?)CaseListColumns.Slug(d)));
        In(where, parameters, "region", query.Regions.Select(r => (object?)r));
        In(where, parameters, "priority", query.Priorities.Select(p => (object?)CaseListColumns.Name(p)));
        In(where, parameters, "assignee_id", query.Assignees.Select(a => (object?)a));
        In(where, parameters, "customer_id", query.Customers.Select(c => (object?)c));
        In(where, parameters, "sla_state", query.SlaStates.Select(s => (object?)s));
        for (var i = 0; i < query.Words.Length; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"w{i}");
            where.Append(" AND (").Append(wordClause(query.Words[i], name, parameters)).Append(')');
        }
        var key = query.Sort switch
        {
            CaseListSort.UpdatedAt => "updated_ticks",
            CaseListSort.Priority => "priority_rank",
            _ => "created_ticks",
        };
        var (compare, direction) = query.Descending ? ("<", "DESC") : (">", "ASC");
        if (query.After is { } after)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND ({key} {compare} @after_key OR ({key} = @after_key AND number {compare} @after_number))");
            parameters.Add(("after_key", after.Key));
            parameters.Add(("after_number", after.Number));
        }
        parameters.Add(("limit", query.Limit + 1));
        return ($"SELECT {CaseListColumns.Select} FROM case_list WHERE {where} ORDER BY {key} {direction}, number {direction} LIMIT @limit", parameters);
    }

    /// <summary>The page of <paramref name="rows"/> (read with one more than the limit).</summary>
    public static CaseListPage ToPage(List<CaseListRow> rows, CaseListQuery query)
    {
        if (rows.Count <= query.Limit)
        {
            return new CaseListPage([.. rows], null);
        }
        rows.RemoveRange(query.Limit, rows.Count - query.Limit);
        var last = rows[^1];
        return new CaseListPage([.. rows], new CaseListCursor(KeyOf(last, query.Sort), last.Number));
    }

    /// <summary>The sort key of a row, as the cursor keeps it.</summary>
    public static long KeyOf(CaseListRow row, CaseListSort sort) => sort switch
    {
        CaseListSort.UpdatedAt => row.UpdatedAt.UtcTicks,
        CaseListSort.Priority => CaseListColumns.Rank(row.Priority),
        _ => row.CreatedAt.UtcTicks,
    };

    /// <summary>A <c>LIKE</c> pattern matching <paramref name="word"/> anywhere, with <c>\</c> escaping.</summary>
    public static string Contains(string word) =>
        "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static void In(StringBuilder where, List<(string Name, object? Value)> parameters, string column, IEnumerable<object?> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{column}_{names.Count}");
            names.Add("@" + name);
            parameters.Add((name, value));
        }
        if (names.Count > 0)
        {
            where.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        }
    }
}
