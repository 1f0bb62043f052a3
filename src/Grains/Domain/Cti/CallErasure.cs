using AfterSales.Cti;

namespace AfterSales.Domain.Cti;

/// <summary>What the GDPR erase removes from a call: every phone number it holds (the caller's, the called one and the
/// answering one, which may be the customer's own on an outbound call). Direction, agents, queue, times and cause stay,
/// so the call's state and outcome read the same (<see cref="CallMerge"/> decides them without numbers).</summary>
internal static class CallErasure
{
    public static CallFacts Strip(CallFacts facts) => facts with { From = null, To = null, AnsweringNumber = null };
}
