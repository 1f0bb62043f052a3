using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AfterSales.Persistence;

namespace AfterSales.Webhooks;

/// <summary>The body of a delivery: the journal event as it is, nothing added — <c>id</c> (what receivers
/// de-duplicate by), <c>type</c>, <c>caseNumber</c>, <c>sequence</c>, <c>occurredAt</c>, <c>actor</c> and the event's
/// own <c>data</c> object.</summary>
internal static class WebhookPayload
{
    public static string Of(string caseNumber, JournalEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", e.EventId);
            json.WriteString("type", e.Kind);
            json.WriteString("caseNumber", caseNumber);
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("occurredAt", e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            json.WriteString("actor", e.Actor);
            json.WritePropertyName("data");
            try
            {
                json.WriteRawValue(string.IsNullOrWhiteSpace(e.Data) ? "{}" : e.Data);
            }
            catch (JsonException)
            {
                // Data is stored as JSON; should an old event hold plain text, it travels as a string.
                json.WriteStringValue(e.Data);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
