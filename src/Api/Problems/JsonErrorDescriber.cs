using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Api.Hosting;

namespace AfterSales.Api.Problems;

/// <summary>Turns a <see cref="JsonException"/> from reading a request body into a field (the camelCase JSON path,
/// <c>$</c> for the body itself) and a message naming what was expected there. The expected type is found by
/// walking the path through the body type's JSON contract, so messages list the allowed enum values and never
/// leak CLR type names.</summary>
internal static class JsonErrorDescriber
{
    public static (string Field, string Message) Describe(JsonException exception, Type? bodyType, JsonSerializerOptions options)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var field = FieldOf(path);

        if (IsSyntaxError(exception))
        {
            return (field, $"The body is not valid JSON: {WithoutPosition(exception.InnerException!.Message)} "
                + $"(line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        }
        var segments = Parse(path);
        if (exception.Message.Contains("Duplicate property", StringComparison.Ordinal))
        {
            return (field, $"The property '{LastName(segments) ?? field}' appears more than once.");
        }
        var (expected, unknown) = Resolve(segments, bodyType, options);
        if (unknown is not null)
        {
            return (field, $"Unknown property '{unknown}'.");
        }
        if (exception.Message.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            return (field, "The value must not be null.");
        }
        return (field, expected is null ? "The value is not valid here." : Expectation(expected, options));
    }

    /// <summary><c>$.skills[0].level</c> → <c>skills[0].level</c>; the root stays <c>$</c>.</summary>
    public static string FieldOf(string path) => path switch
    {
        "$" => "$",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    private static bool IsSyntaxError(JsonException exception) =>
        exception.InnerException is { } inner && inner.GetType().Name == "JsonReaderException";

    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut < 0 ? message : message[..cut];
        // The reader suggests changing its options; that advice is for the server, not the client.
        cut = text.IndexOf(" Change the reader options.", StringComparison.Ordinal);
        return cut < 0 ? text.TrimEnd() : text[..cut];
    }

    private static string Expectation(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"The value must be one of: {string.Join(", ", ApiJson.Names(type))}.";
        }
        if (type == typeof(bool))
        {
            return "The value must be true or false.";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "The value must be a whole number in range.";
        }
        if (type == typeof(DateOnly))
        {
            return "The value must be a date written yyyy-MM-dd.";
        }
        if (type == typeof(TimeSpan))
        {
            return "The value must be a duration written [d.]hh:mm:ss, such as \"00:10:00\" for ten minutes.";
        }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "The value must be an ISO 8601 date and time.";
        }
        if (type == typeof(string))
        {
            return "The value must be a string.";
        }
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "The value must be an array.",
            JsonTypeInfoKind.Object => "The value must be a JSON object.",
            _ => "The value is not valid here.",
        };
    }

    /// <summary>The declared type at the end of the path, or the name of the first property the contract lacks.</summary>
    private static (Type? Expected, string? Unknown) Resolve(List<object> segments, Type? bodyType, JsonSerializerOptions options)
    {
        var current = bodyType;
        foreach (var segment in segments)
        {
            if (current is null)
            {
                return (null, null);
            }
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(current) ?? current);
            switch (segment)
            {
                case string name when info.Kind == JsonTypeInfoKind.Object:
                    var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison));
                    if (property is null)
                    {
                        return (null, name);
                    }
                    current = property.PropertyType;
                    break;
                case int when info.Kind == JsonTypeInfoKind.Enumerable:
                    current = info.ElementType;
                    break;
                default:
                    return (null, null);
            }
        }
        return (current, null);
    }

    private static string? LastName(List<object> segments) => segments.LastOrDefault(s => s is string) as string;

    /// <summary>Splits <c>$.a.b[2]['odd name']</c> into names (strings) and indexes (ints).</summary>
    private static List<object> Parse(string path)
    {
        var segments = new List<object>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? index : path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }
}
