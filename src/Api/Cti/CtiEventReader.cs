using System.Text.Json;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Cti;

/// <summary>Reads a Generic CTI event's fields from a JSON object or a form, the two ways PBXs send them, into one shape:
/// field name → values. A form's <c>user[]</c> is <c>user</c>; a JSON integer (call id, numbers) is its digits; a JSON array gives several
/// values; JSON null is absent. Fields the event does not have are ignored.</summary>
internal static class CtiEventReader
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    private static readonly string[] Known = ["event", "callId", "direction", "from", "to", "user", "queue", "answeringNumber", "cause"];

    /// <summary>The fields a JSON integer may stand for (some PBXs send ids and numbers as integers).</summary>
    private static readonly string[] IntegerToo = ["callId", "from", "to", "answeringNumber"];

    public static async Task<(Dictionary<string, List<string>>? Fields, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim() : null;
        if (string.Equals(mediaType, Form, StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (key, values) in form)
            {
                var name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
                if (Known.Contains(name, StringComparer.Ordinal))
                {
                    Values(fields, name).AddRange(values.OfType<string>());
                }
            }
            return (fields, null);
        }
        if (string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase)
            || mediaType is not null && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadJsonAsync(request, cancellationToken);
        }
        return (null, ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, ApiHeaders.ContentType,
            $"Send the event as {Json} or {Form}, not '{request.ContentType ?? "(no content type)"}'."));
    }

    private static async Task<(Dictionary<string, List<string>>?, ProblemHttpResult?)> ReadJsonAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException error)
        {
            return (null, ApiProblems.Invalid(ApiProblems.Body, $"The body is not valid JSON: {error.Message}"));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblems.Invalid(ApiProblems.Body, "The body must be a JSON object of the event's fields."));
            }
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var errors = new Validation.ValidationErrors();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Known.Contains(property.Name, StringComparer.Ordinal))
                {
                    continue;
                }
                if (fields.ContainsKey(property.Name))
                {
                    errors.Add(property.Name, "The field is given twice.");
                    continue;
                }
                var values = Values(fields, property.Name);
                var items = property.Value.ValueKind == JsonValueKind.Array && property.Name == "user"
                    ? property.Value.EnumerateArray().ToArray()
                    : [property.Value];
                foreach (var item in items)
                {
                    switch (item.ValueKind)
                    {
                        case JsonValueKind.String:
                            values.Add(item.GetString()!);
                            break;
                        case JsonValueKind.Number when IntegerToo.Contains(property.Name, StringComparer.Ordinal)
                            && item.TryGetInt64(out var integer) && integer >= 0:
                            values.Add(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case JsonValueKind.Null when property.Value.ValueKind == JsonValueKind.Null:
                            break;
                        default:
                            errors.Add(property.Name, property.Name == "user" ? "Expected a name or a list of names."
                                : IntegerToo.Contains(property.Name, StringComparer.Ordinal) ? "Expected a string or a whole number."
                                : "Expected a string.");
                            break;
                    }
                }
            }
            return errors.HasErrors ? (null, errors.ToProblem()) : (fields, null);
        }
    }

    private static List<string> Values(Dictionary<string, List<string>> fields, string name)
    {
        if (!fields.TryGetValue(name, out var values))
        {
            fields[name] = values = [];
        }
        return values;
    }
}
