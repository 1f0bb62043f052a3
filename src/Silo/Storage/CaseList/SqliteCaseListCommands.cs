using AfterSales.CaseList;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The list's write statements on the grain storage's writer connection, prepared once and reused for every
/// save (SQLite parses and plans a statement when it is first run on a command; a command per row parsed the upsert
/// and the text statements again for every row). Used only on the writer's thread.</summary>
internal sealed class SqliteCaseListCommands(SqliteConnection connection, string serviceId) : IDisposable
{
    private SqliteCommand? _upsert;
    private SqliteCommand? _text;
    private SqliteCommand? _checkpoint;

    public SqliteConnection Connection { get; } = connection;

    /// <summary>Upserts the row unless the stored one is as new; answers its id when it wrote it, else null.</summary>
    public long? Upsert(SqliteTransaction transaction, int partition, CaseListRow row)
    {
        var values = CaseListColumns.Values(row);
        if (_upsert is null)
        {
            _upsert = Create(CaseListSql.Upsert + " RETURNING id");
            _upsert.Parameters.AddWithValue("@partition", partition);
            foreach (var (name, value) in values)
            {
                _upsert.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
            }
        }
        else
        {
            _upsert.Parameters["@partition"].Value = partition;
            foreach (var (name, value) in values)
            {
                _upsert.Parameters["@" + name].Value = value ?? DBNull.Value;
            }
        }
        _upsert.Transaction = transaction;
        return _upsert.ExecuteScalar() as long?;
    }

    /// <summary>Replaces the text index entry of row <paramref name="id"/>.</summary>
    public void ReplaceText(SqliteTransaction transaction, long id, string subject, string description)
    {
        if (_text is null)
        {
            _text = Create("DELETE FROM case_list_text WHERE rowid = @id; INSERT INTO case_list_text (rowid, subject, description) VALUES (@id, @subject, @description)");
            _text.Parameters.Add("@id", SqliteType.Integer);
            _text.Parameters.Add("@subject", SqliteType.Text);
            _text.Parameters.Add("@description", SqliteType.Text);
        }
        _text.Parameters["@id"].Value = id;
        _text.Parameters["@subject"].Value = subject;
        _text.Parameters["@description"].Value = description;
        _text.Transaction = transaction;
        _text.ExecuteNonQuery();
    }

    public void SaveCheckpoint(SqliteTransaction transaction, int partition, long position)
    {
        if (_checkpoint is null)
        {
            _checkpoint = Create("INSERT INTO case_list_checkpoint (service_id, partition, position) VALUES (@service, @partition, @position) " +
                "ON CONFLICT (service_id, partition) DO UPDATE SET position = excluded.position");
            _checkpoint.Parameters.Add("@partition", SqliteType.Integer);
            _checkpoint.Parameters.Add("@position", SqliteType.Integer);
        }
        _checkpoint.Parameters["@partition"].Value = partition;
        _checkpoint.Parameters["@position"].Value = position;
        _checkpoint.Transaction = transaction;
        _checkpoint.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _upsert?.Dispose();
        _text?.Dispose();
        _checkpoint?.Dispose();
    }

    private SqliteCommand Create(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@service", serviceId);
        return command;
    }
}
