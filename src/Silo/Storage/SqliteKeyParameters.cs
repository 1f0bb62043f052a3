using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>Binds a state's identity to the <c>$service</c>, <c>$type</c>, <c>$key</c> and <c>$state</c> parameters
/// every statement on <c>grain_state</c> and <c>grain_row</c> filters by.</summary>
internal static class SqliteKeyParameters
{
    public static void BindKey(this SqliteCommand command, GrainStateKey key)
    {
        command.Parameters["$service"].Value = key.ServiceId;
        command.Parameters["$type"].Value = key.GrainType;
        command.Parameters["$key"].Value = key.GrainKey;
        command.Parameters["$state"].Value = key.StateName;
    }
}
