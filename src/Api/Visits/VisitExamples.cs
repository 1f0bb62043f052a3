using System.Text.Json.Nodes;

namespace AfterSales.Api.Visits;

/// <summary>Request examples published in the OpenAPI document (the same values the .http walkthrough uses).</summary>
internal static class VisitExamples
{
    public static JsonNode FollowUp { get; } = JsonNode.Parse("""
        {
          "technicianId": "T-7",
          "workDone": "Pump seal worn; fitted a temporary seal, the replacement pump must be ordered.",
          "parts": [ { "partNumber": "PS-40-SEAL", "quantity": 1 } ],
          "startedAt": "2026-05-12T09:10:00+08:00",
          "endedAt": "2026-05-12T10:25:00+08:00",
          "outcome": "followUpNeeded"
        }
        """)!;
}
