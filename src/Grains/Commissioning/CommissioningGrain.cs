using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Installation;
using AfterSales.Installation;
using AfterSales.Models;
using Microsoft.Extensions.Logging;

namespace AfterSales.Commissioning;

/// <summary>The commissioning of one installation work order: its checklist, the answers and the report.</summary>
/// <remarks>The checklist is copied from the device model's template the first time it is used. Answers are judged by
/// <see cref="ChecklistEvaluator"/> and taken only while the work order is assigned or in progress. Submitting stores
/// the report first (with a reminder and, for a failure, the fault case's number), then the device and the cases
/// follow (<see cref="CompleteAsync"/>): every step is idempotent, so a retry or the reminder finishes what a cut-off
/// left. This grain awaits the case, device and model grains; none of them calls it.</remarks>
internal sealed partial class CommissioningGrain(
    [PersistentState("commissioning", StorageNames.Main)] IPersistentState<CommissioningState> state,
    ProductModelCache models,
    TimeProvider time,
    ILogger<CommissioningGrain> logger) : Grain, ICommissioningGrain, IRemindable
{
    private string Number => field ??= this.GetPrimaryKeyString();

    private CommissioningState S => state.State;

    public async Task<Result<ChecklistSnapshot>> GetChecklistAsync() =>
        await InstantiateAsync() ?? Result.Ok(ToChecklist());

    public async Task<Result<ChecklistSnapshot>> RecordAnswerAsync(RecordChecklistAnswerRequest request)
    {
        if (await InstantiateAsync() is { } missing)
        {
            return missing;
        }
        if (S.Items.Find(item => item.Id == request.ItemId) is not { } item)
        {
            return CommandError.NotFound($"The checklist of work order {Number} has no item '{request.ItemId}'.", "itemId");
        }
        if (request.ExpectedVersion is { } expected && expected != S.Version)
        {
            return CommandError.StaleVersion(expected, S.Version);
        }
        if (S.Submitted)
        {
            return SubmittedConflict();
        }
        if (ValidateShape(request) is { } invalid)
        {
            return invalid;
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var evaluation = ChecklistEvaluator.Evaluate(item, new ChecklistEntry(request.Passed, request.Value, request.Unit, request.Deviation, note));
        if (evaluation.IsRefused)
        {
            return CommandError.Unprocessable(evaluation.RefusedField!, evaluation.Refusal!);
        }
        if (await WorkOrderAsync() is not { } workOrder)
        {
            return CommandError.NotFound($"No case has the number {Number}.", "number");
        }
        if (NotWorkable(workOrder, "checklist answers are taken") is { } closed)
        {
            return closed;
        }

        var unit = item.Kind == ChecklistItemKind.Measurement ? ChecklistEvaluator.NormaliseUnit(item.Unit) : null;
        var answer = new ChecklistAnswer(item.Id, evaluation.Passed, request.Value, unit, request.Photos.IsDefault ? [] : request.Photos,
            note, evaluation.Deviation, Actor(request.Actor), time.GetUtcNow());
        if (S.Answers.TryGetValue(item.Id, out var previous) && SameAnswer(previous, answer))
        {
            return Result.Ok(ToChecklist());
        }
        S.Answers.Set(item.Id, answer);
        S.Version++;
        await state.WriteOrResetAsync(this);
        return Result.Ok(ToChecklist());
    }

    public async Task<Result<CommissioningReport>> SubmitAsync(SubmitCommissioningRequest request)
    {
        if (S.Submitted)
        {
            if (request.IdempotencyKey is null || request.IdempotencyKey != S.IdempotencyKey)
            {
                return SubmittedConflict();
            }
            if (request.RequestHash != S.RequestHash)
            {
                return new CommandError(ErrorKind.IdempotencyMismatch,
                    "This idempotency key was already used with a different commissioning; use a new key for a new request.");
            }
            await CompleteAsync();
            return Result.Replay(ToReport());
        }
        if (await InstantiateAsync() is { } missing)
        {
            return missing;
        }
        if (ValidateSignOff(request.SignOff) is { } invalid)
        {
            return invalid;
        }
        var answers = Answers();
        if (CommissioningRules.MissingRequired(S.Items, answers) is { Length: > 0 } unanswered)
        {
            return CommandError.Unprocessable("checklist", $"Required items are not answered: {string.Join(", ", unanswered)}.");
        }
        if (await WorkOrderAsync() is not { } workOrder)
        {
            return CommandError.NotFound($"No case has the number {Number}.", "number");
        }
        if (NotWorkable(workOrder, "commissioning is submitted") is { } closed)
        {
            return closed;
        }

        var outcome = CommissioningRules.Verdict(answers.Values);
        // Reserved now and stored with the report, so however many retries it takes, one fault case is opened.
        var faultCase = outcome == CommissioningVerdict.Fail ? await GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync() : null;
        await this.KeepAsync(FollowUpReminder);
        S.Submitted = true;
        S.SignOff = request.SignOff with { Name = request.SignOff.Name.Trim() };
        S.Outcome = outcome;
        S.TechnicianId = workOrder.AssignedTechnicianId!;
        S.SubmittedAt = time.GetUtcNow();
        S.SubmittedBy = Actor(request.Actor);
        S.FaultCaseNumber = faultCase;
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        S.Version++;
        await state.WriteOrResetAsync(this);
        logger.Submitted(Number, outcome);

        await CompleteAsync();
        return Result.Ok(ToReport());
    }

    public Task<CommissioningReport?> GetReportAsync() => Task.FromResult(S.Submitted ? ToReport() : null);

    /// <summary>Copies the model's checklist on first use; a refusal when the case is no installation work order.</summary>
    private async Task<CommandError?> InstantiateAsync()
    {
        if (S.Instantiated)
        {
            return null;
        }
        if (await WorkOrderAsync() is not { } workOrder)
        {
            return CommandError.NotFound($"No case has the number {Number}.", "number");
        }
        if (workOrder.Type != CaseType.Installation || workOrder.DeviceSerial is not { } serial)
        {
            return CommandError.NotFound($"Case {Number} is a {CamelNames.Of(workOrder.Type)} case, not an installation work order: it has no checklist.", "number");
        }
        if (await GrainFactory.GetGrain<IDeviceGrain>(serial).GetAsync() is not { } device)
        {
            return CommandError.Conflict($"Device {serial} of work order {Number} is not registered.");
        }
        if (await models.GetAsync(device.Model) is not { } model)
        {
            return CommandError.Conflict($"Model {device.Model} of device {serial} is not in the catalogue: define it to get its checklist.");
        }
        S.Instantiated = true;
        S.DeviceSerial = serial;
        S.Model = model.Code;
        S.CustomerId = workOrder.CustomerId;
        S.Site = device.Site;
        S.Items = model.Checklist.IsDefault ? [] : [.. model.Checklist];
        S.Version = 1;
        await state.WriteOrResetAsync(this);
        return null;
    }

    private static CommandError? ValidateShape(RecordChecklistAnswerRequest request)
    {
        var photos = request.Photos.IsDefault ? [] : request.Photos;
        if (photos.Length > InstallationLimits.PhotosPerItem)
        {
            return CommandError.Invalid("photos", $"An answer references at most {InstallationLimits.PhotosPerItem} photos.");
        }
        for (var i = 0; i < photos.Length; i++)
        {
            if (PhotoUrls.Problem(photos[i]) is { } problem)
            {
                return CommandError.Invalid($"photos[{i}]", problem);
            }
        }
        if (request.Note is { Length: > InstallationLimits.ItemNote })
        {
            return CommandError.Invalid("note", $"A note has at most {InstallationLimits.ItemNote} characters.");
        }
        if (request.Unit is { Length: > ProductModelLimits.Unit })
        {
            return CommandError.Invalid("unit", $"A unit has at most {ProductModelLimits.Unit} characters.");
        }
        return null;
    }

    private CommandError? ValidateSignOff(CustomerSignOff? signOff)
    {
        if (signOff is null)
        {
            return CommandError.Invalid("signOff", "The customer's sign-off (name and time) is required.");
        }
        if (string.IsNullOrWhiteSpace(signOff.Name) || signOff.Name.Trim().Length > InstallationLimits.SignOffName)
        {
            return CommandError.Invalid("signOff.name", $"The name of who signs off has 1 to {InstallationLimits.SignOffName} characters.");
        }
        if (signOff.SignedAt > time.GetUtcNow() + InstallationLimits.SignOffClockSkew)
        {
            return CommandError.Invalid("signOff.signedAt", "The sign-off time lies in the future.");
        }
        return null;
    }

    /// <summary>A work order takes answers and a submission while assigned or in progress.</summary>
    private CommandError? NotWorkable(CaseSnapshot workOrder, string what) =>
        workOrder.Status is CaseStatus.Assigned or CaseStatus.InProgress && workOrder.AssignedTechnicianId is not null
            ? null
            : CommandError.Conflict($"Work order {Number} is {CamelNames.Of(workOrder.Status)}: {what} only while it is assigned or in progress.");

    private CommandError SubmittedConflict() =>
        CommandError.Conflict($"The commissioning of work order {Number} was submitted at {CommissioningTexts.Time(S.SubmittedAt)} "
            + $"({CamelNames.Of(S.Outcome)}): it is accepted once, and its checklist no longer changes.");

    private Task<CaseSnapshot?> WorkOrderAsync() => GrainFactory.GetGrain<ICaseGrain>(Number).GetAsync();

    private Dictionary<string, ChecklistAnswer> Answers() =>
        S.Answers.Keys.ToDictionary(key => key, key => S.Answers[key], StringComparer.Ordinal);

    private static bool SameAnswer(ChecklistAnswer a, ChecklistAnswer b) =>
        a.Passed == b.Passed && a.Value == b.Value && a.Unit == b.Unit && a.Note == b.Note && a.Deviation == b.Deviation
        && a.Photos.SequenceEqual(b.Photos, StringComparer.Ordinal);

    private static string Actor(string? actor) => string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

    private ChecklistSnapshot ToChecklist()
    {
        var answers = Answers();
        return new ChecklistSnapshot(Number, S.DeviceSerial, S.Model,
            [.. S.Items.Select(item => new ChecklistItem(item, answers.GetValueOrDefault(item.Id)))],
            CommissioningRules.Progress(S.Items, answers), S.Submitted ? S.Outcome : null, S.Version);
    }

    private CommissioningReport ToReport()
    {
        var (checks, measurements, deviations) = CommissioningRules.Contents(S.Items, Answers());
        return new CommissioningReport(Number, S.DeviceSerial, S.Model, S.CustomerId, S.Site, S.TechnicianId, S.SignOff!, S.Outcome,
            checks, measurements, deviations, S.SubmittedAt, S.SubmittedBy, S.FaultCaseNumber, S.Completed);
    }

    private ImmutableArray<BaselineValue> Baseline() => CommissioningRules.Baseline(S.Items, Answers());
}
