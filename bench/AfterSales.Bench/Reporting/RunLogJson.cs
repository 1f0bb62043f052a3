using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Bench.Reporting;

/// <summary>The run log's JSON: camelCase, one record per line, absent numbers left out, infinite ratios as strings.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = false)]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunLogJson : JsonSerializerContext;
