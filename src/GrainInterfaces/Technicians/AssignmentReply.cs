namespace AfterSales.Technicians;

/// <summary>A technician's answer to an <see cref="AssignmentOffer"/>, with its current status so the
/// department's view is corrected in the same message.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.AssignmentReply")]
public sealed record AssignmentReply(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] TechnicianStatus Status,
    [property: Id(2)] string? RefusalReason)
{
    /// <summary>True when the technician already held the case (an idempotent repeat: nothing changed).</summary>
    [Id(3)] public bool AlreadyHeld { get; init; }
}
