using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Complaints;
using AfterSales.Hosting;
using AfterSales.Persistence;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Complaints;

/// <summary>
/// One complaint: its state machine, notes, journal and clock (the acknowledgement target and the closing timeout).
/// </summary>
/// <remarks>
/// Filing reads the customer, case, device and technician it refers to; they await nothing of it. Every change is one
/// write of the record with its events, then the complaint tells the lists of its customer, case and technician
/// (<see cref="IComplaintIndexGrain"/>, which await nothing). A reminder registered before the write retries those
/// notices after a failure or a crash and carries the complaint's deadlines, so nothing depends on a process staying up.
/// </remarks>
internal sealed partial class ComplaintGrain(
    [PersistentState("complaint", StorageNames.Main)] IPersistentState<ComplaintState> state,
    IEventLog events,
    IOptions<ComplaintOptions> options,
    TimeProvider time,
    ILogger<ComplaintGrain> logger) : Grain, IComplaintGrain, IRemindable
{
    internal const int MaxHistoryPage = 1000;
    private const string SystemActor = "system";

    private string Id => field ??= this.GetPrimaryKeyString();

    private ComplaintState S => state.State;

    private AcknowledgementTargets Targets => options.Value.Targets;

    public async Task<Result<ComplaintSnapshot>> FileAsync(FileComplaintRequest request)
    {
        if (S.Filed)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return CommandError.Conflict($"Complaint {Id} already exists.");
            }
            await NotifyListsAsync();
            return Result.Replay(ToSnapshot());
        }
        if (ValidateFiling(request) is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        if (await CheckLinksAsync(request) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var actor = ActorOf(request.Actor);
        S.Filed = true;
        S.CustomerId = request.CustomerId;
        S.Channel = request.Channel;
        S.Category = request.Category;
        S.Severity = request.Severity;
        S.Description = request.Description;
        S.Status = ComplaintStatus.Received;
        S.CaseNumber = request.CaseNumber;
        S.DeviceSerial = request.DeviceSerial;
        S.TechnicianId = request.TechnicianId;
        S.ReceivedAt = now;
        S.ReceivedBy = actor;
        S.AcknowledgementDueAt = Targets.DueAt(now, request.Severity);
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        Record(now, actor, ComplaintEventKinds.Received, null, ComplaintStatus.Received, FilingDetails());
        await CommitAsync(now);
        logger.ComplaintReceived(Id, S.Severity, S.Category);
        return Result.Ok(ToSnapshot());
    }

    public Task<ComplaintSnapshot?> GetAsync() => Task.FromResult(S.Filed ? ToSnapshot() : null);

    public Task<ComplaintSnapshot?> GetForAsync(Access.CallerScope caller) =>
        Task.FromResult(S.Filed && Domain.Access.CallerAccess.CanSeeComplaint(caller, S.CustomerId)
            ? Domain.Access.CaseViews.For(ToSnapshot(), caller)
            : null);

    private static FieldError? ValidateFiling(FileComplaintRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return new FieldError("customerId", "A complaint needs a customer.");
        }
        if (!Enum.IsDefined(request.Channel))
        {
            return new FieldError("channel", $"Channel must be {CamelNames.OneOf<ComplaintChannel>()}.");
        }
        if (!Enum.IsDefined(request.Category))
        {
            return new FieldError("category", $"Category must be {CamelNames.OneOf<ComplaintCategory>()}.");
        }
        if (!Enum.IsDefined(request.Severity))
        {
            return new FieldError("severity", $"Severity must be {CamelNames.OneOf<ComplaintSeverity>()}.");
        }
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > FieldLimits.Description)
        {
            return new FieldError("description", $"A complaint needs a description of 1 to {FieldLimits.Description} characters.");
        }
        if (request.Category == ComplaintCategory.TechnicianConduct && string.IsNullOrWhiteSpace(request.TechnicianId))
        {
            return new FieldError("technicianId", "A complaint about a technician's conduct names the technician.");
        }
        return null;
    }

    /// <summary>The customer, case, device and technician must exist; the case and the device must be the customer's,
    /// and a case about a device must be about the device named.</summary>
    private async Task<CommandError?> CheckLinksAsync(FileComplaintRequest request)
    {
        if (await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync() is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
        if (request.CaseNumber is { } number)
        {
            var related = await GrainFactory.GetGrain<ICaseGrain>(number).GetAsync();
            if (related is null)
            {
                return CommandError.NotFound($"Case {number} does not exist.", "caseNumber");
            }
            if (related.CustomerId != request.CustomerId)
            {
                return CommandError.Unprocessable("caseNumber", $"Case {number} belongs to another customer.");
            }
            if (request.DeviceSerial is { } named && related.DeviceSerial is { } caseDevice && caseDevice != named)
            {
                return CommandError.Unprocessable("deviceSerial", $"Case {number} is about device {caseDevice}, not {named}.");
            }
        }
        if (request.DeviceSerial is { } serial)
        {
            var device = await GrainFactory.GetGrain<IDeviceGrain>(serial).GetAsync();
            if (device is null)
            {
                return CommandError.NotFound($"Device {serial} does not exist.", "deviceSerial");
            }
            if (device.CustomerId != request.CustomerId)
            {
                return CommandError.Unprocessable("deviceSerial", $"Device {serial} belongs to another customer.");
            }
        }
        if (request.TechnicianId is { } technicianId && await GrainFactory.GetGrain<ITechnicianGrain>(technicianId).GetAsync() is null)
        {
            return CommandError.NotFound($"Technician {technicianId} does not exist.", "technicianId");
        }
        return null;
    }

    private string FilingDetails()
    {
        var links = new[] { ("case", S.CaseNumber), ("device", S.DeviceSerial), ("technician", S.TechnicianId) }
            .Where(l => l.Item2 is not null)
            .Select(l => $"{l.Item1} {l.Item2}");
        var about = string.Join(", ", links);
        return $"{CamelNames.Of(S.Category)}, {CamelNames.Of(S.Severity)} severity, via {CamelNames.Of(S.Channel)}"
            + (about.Length > 0 ? $"; about {about}" : "")
            + $"; acknowledge by {S.AcknowledgementDueAt:O}";
    }

    private CommandError? Precheck(int? expectedVersion)
    {
        if (!S.Filed)
        {
            return CommandError.NotFound($"Complaint {Id} does not exist.");
        }
        if (expectedVersion is { } expected && expected != S.Version)
        {
            return CommandError.StaleVersion(expected, S.Version);
        }
        return null;
    }

    /// <summary>Stores the change with its events, then tells the lists and sets the clock (see the class remarks).</summary>
    private async Task CommitAsync(DateTimeOffset now)
    {
        S.Version++;
        S.UpdatedAt = now;
        // Before the write: if the process stops after it, the reminder still tells the lists.
        await KeepFollowUpAsync();
        await state.WriteOrResetAsync(this);
        if (await NotifyListsAsync())
        {
            await ScheduleClockAsync();
        }
    }

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

    private ComplaintSnapshot ToSnapshot() => new(
        Id, S.CustomerId, S.Channel, S.Category, S.Severity, S.Description, S.Status, S.CaseNumber, S.DeviceSerial, S.TechnicianId,
        S.ReceivedAt, S.ReceivedBy,
        new ComplaintAcknowledgement(S.AcknowledgementDueAt, S.AcknowledgedAt,
            AcknowledgementTargets.Met(S.AcknowledgementDueAt, S.AcknowledgedAt, time.GetUtcNow())),
        S.RootCause is { } cause
            ? new ComplaintFindings(cause, S.CorrectiveAction ?? "", S.SubmittedBy ?? "", S.SubmittedAt ?? S.UpdatedAt, S.ReviewedBy, S.ReviewedAt)
            : null,
        S.ResolvedAt, S.AutoCloseAt, S.ClosedAt, S.Closure, S.ReopenCount, S.SendBackCount,
        [.. S.Notes.Values.OrderBy(n => n.Id)], ComplaintStateMachine.AllowedActions(S.Status), S.UpdatedAt, S.Version);

    private ComplaintEntry ToEntry() => new(Id, S.Status, S.Severity, S.Category, S.ReceivedAt, S.UpdatedAt, S.Version);
}
