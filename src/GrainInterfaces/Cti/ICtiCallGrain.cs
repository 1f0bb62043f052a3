namespace AfterSales.Cti;

/// <summary>One phone call reported by the PBX (key: <see cref="CtiKeys.Call"/> of the PBX's <c>callId</c>, a hash, so
/// no PBX-chosen text becomes a key). Owns the call's facts, state, timeline and its missed-call callback case.</summary>
[Alias("AfterSales.ICtiCallGrain")]
public interface ICtiCallGrain : IGrainWithStringKey
{
    /// <summary>Applies an event, idempotently per event kind: a repeat answers what the first answered and changes
    /// nothing. Events merge in any order (an answer before its newCall, a hangup before either). A missed inbound call
    /// opens its callback case exactly once.</summary>
    [Alias("Apply")]
    Task<CtiEventResult> ApplyAsync(CtiCallEvent callEvent);

    /// <summary>The GDPR erase of the customer the call was matched to: removes the calling, called and answering numbers
    /// from the call and its call-log line, now and for any event that arrives later; keeps the ids, times, agents and
    /// outcome. True when this changed the call; false when it was erased before or belongs to another customer.</summary>
    [Alias("ErasePersonalData")]
    Task<bool> ErasePersonalDataAsync(string customerId);

    /// <summary>The call, or null when no event of it arrived.</summary>
    [Alias("Get"), ReadOnly]
    Task<CtiCallSnapshot?> GetAsync();
}
