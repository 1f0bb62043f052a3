using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Binds a state's identity to the <c>@service</c>, <c>@type</c>, <c>@key</c> and <c>@state</c> parameters
/// every statement on <c>grain_state</c> and <c>grain_row</c> filters by.</summary>
internal static class PostgresKeyParameters
{
    public static void Bind(NpgsqlCommand command, GrainStateKey key) => Bind(command.Parameters, key);

    public static void Bind(NpgsqlParameterCollection parameters, GrainStateKey key)
    {
        parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = key.ServiceId });
        parameters.Add(new NpgsqlParameter<string>("type", NpgsqlDbType.Text) { TypedValue = key.GrainType });
        parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = key.GrainKey });
        parameters.Add(new NpgsqlParameter<string>("state", NpgsqlDbType.Text) { TypedValue = key.StateName });
    }
}
