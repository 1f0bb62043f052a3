using System.Text.Json.Nodes;

namespace AfterSales.Api.Installation;

/// <summary>Request examples published in the OpenAPI document (the same values the .http walkthrough uses).</summary>
internal static class InstallationExamples
{
    public static JsonNode Shipment { get; } = JsonNode.Parse("""
        {
          "id": "SH-2026-0042",
          "customerId": "C-10042",
          "site": "Plant 3, Hall B, 88 Century Avenue, Shanghai",
          "shippedOn": "2026-05-02",
          "devices": [ { "serial": "HX200-000781", "model": "HX-200" }, { "serial": "HX200-000782", "model": "HX-200" } ],
          "installationWindow": { "start": "2026-05-06T08:00:00+08:00", "end": "2026-05-06T17:00:00+08:00" }
        }
        """)!;

    public static JsonNode MeasurementAnswer { get; } = JsonNode.Parse("""
        { "value": 229.5, "unit": "V", "photos": [ "https://photos.example.com/AS-2026-000001/terminal.jpg" ], "note": "Measured at the main terminal." }
        """)!;

    public static JsonNode Commissioning { get; } = JsonNode.Parse("""
        { "signOff": { "name": "Wang Fang", "signedAt": "2026-05-06T15:20:00+08:00" } }
        """)!;
}
