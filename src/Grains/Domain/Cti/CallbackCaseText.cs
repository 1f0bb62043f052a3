using System.Globalization;
using AfterSales.Cti;

namespace AfterSales.Domain.Cti;

/// <summary>What a missed call's callback case says. The caller's number goes into the case's text, where an agent needs
/// it to call back, and never into a key.</summary>
internal static class CallbackCaseText
{
    public const string Subject = "Callback: missed call";

    public static string Description(CallFacts facts, string callId, bool knownCustomer)
    {
        var from = facts.From ?? "a withheld number";
        var when = (facts.EndedAt ?? facts.RangAt)?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
        var cause = facts.Cause is { } c ? CamelNames.Of(c) : "unknown";
        var who = knownCustomer ? "" : " The caller is not a known customer.";
        return $"Missed inbound call from {from} on {when} ({cause}; PBX call {callId}). Please call back.{who}";
    }
}
