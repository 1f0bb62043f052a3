namespace AfterSales.Staff;

/// <summary>A technician's answer to an <see cref="AssignmentOffer"/>, with its current status so the
/// department's view is corrected in the same message.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.AssignmentReply")]
public sealed record AssignmentReply(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] TechnicianStatus Status,
    [property: Id(2)] string? RefusalReason);
