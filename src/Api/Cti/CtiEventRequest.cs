using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Cti;

namespace AfterSales.Api.Cti;

/// <summary>A Generic CTI event (Zammad's format), sent as JSON or as a form (<c>application/x-www-form-urlencoded</c>).
/// Only this record's fields are read; any other field a PBX sends is ignored, as Zammad ignores it.</summary>
/// <param name="Event">newCall, answer or hangup.</param>
/// <param name="CallId">The PBX's id of the call, the same on all its events (letters, digits, '.', '_', ':', '@', '-'; max 128).
/// A JSON integer is read as its digits.</param>
/// <param name="Direction">in (a customer calls) or out (an agent calls); required on newCall.</param>
/// <param name="From">The calling number. One that is no phone number (anonymous, an extension) is read as withheld.</param>
/// <param name="To">The number called, read like from.</param>
/// <param name="User">The agents whose phones ring (newCall) or who answered (answer): one name, or a list (JSON array;
/// in a form the field repeated, as user or user[]); at most 20 of at most 100 characters (a blank one is ignored).</param>
/// <param name="Queue">The PBX queue of the call (newCall, optional; max 100).</param>
/// <param name="AnsweringNumber">The number or extension that answered (max 64).</param>
/// <param name="Cause">Why the call ended; required on hangup: normalClearing, busy, cancel, noAnswer, congestion, notFound or forwarded.</param>
public sealed record CtiEventRequest(
    [property: Required, Example("\"newCall\"")] CtiEventKind? Event,
    [property: Required, StringLength(CtiFields.CallIdLength, MinimumLength = 1), RegularExpression(CtiFields.CallIdPattern), Example("\"4991155921769858278-1\"")] string CallId,
    [property: Example("\"in\"")] CallDirection? Direction = null,
    [property: StringLength(CtiFields.NumberLength), Example("\"+8613800138000\"")] string? From = null,
    [property: StringLength(CtiFields.NumberLength), Example("\"+862150001000\"")] string? To = null,
    [property: MaxLength(CtiFields.Users), Example("[\"alice\", \"bob\"]")] IReadOnlyList<string>? User = null,
    [property: StringLength(CtiFields.TextLength)] string? Queue = null,
    [property: StringLength(CtiFields.NumberLength)] string? AnsweringNumber = null,
    [property: Example("\"noAnswer\"")] HangupCause? Cause = null);
