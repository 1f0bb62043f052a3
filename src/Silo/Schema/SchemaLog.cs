using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Schema;

internal static partial class SchemaLog
{
    [LoggerMessage(1, LogLevel.Information, "Applied schema script {Script} to the {Dialect} database")]
    public static partial void ScriptApplied(ILogger logger, string script, SqlDialect dialect);

    [LoggerMessage(2, LogLevel.Information, "{Dialect} schema is current: {Applied} script(s) applied now, {Total} known")]
    public static partial void SchemaCurrent(ILogger logger, SqlDialect dialect, int applied, int total);
}
