using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Problems;
using AfterSales.Problems;

namespace AfterSales.Cases;

/// <summary>Problems and their children. A problem is a case of its own (opened by detection, routed to technical
/// support like any case) whose children are the fault cases it explains. The problem makes every link: it checks for a
/// cycle, asks the child to attach, then records the child, so both journals record it. Children never await their
/// problem, so the problem may await them (attach, resolve with it); its ancestors are read with an interleaving call.</summary>
internal sealed partial class CaseGrain : ICaseProblemsGrain
{
    private const int MaxChildren = FieldLimits.ChildrenPerProblem;

    public async Task<Result<CaseSnapshot>> OpenProblemAsync(OpenProblemRequest request)
    {
        if (S.Opened)
        {
            if (S.Type != CaseType.Problem)
            {
                return CommandError.Conflict($"Case {Number} already exists and is not a problem.");
            }
            // A repeat after a cut-off open: link the children still missing.
            await LinkDetectedAsync(request.Children, ActorOf(request.Actor));
            return Result.Replay(await SnapshotAsync());
        }
        if (request.Scope is null || string.IsNullOrWhiteSpace(request.Region))
        {
            return CommandError.Invalid("scope", "A problem needs the scope detection found and the region it is handled in.");
        }
        var now = time.GetUtcNow();
        var triage = Triage.Route(CaseType.Problem, request.Region);
        S.Opened = true;
        S.Type = CaseType.Problem;
        S.Priority = CasePriority.High;
        S.Channel = CaseChannel.System;
        S.Status = CaseStatus.New;
        S.DeviceModel = request.Scope.Model;
        S.FaultCode = request.Scope.FaultCode;
        S.Scope = request.Scope;
        S.Subject = ProblemText.Subject(request.Scope);
        S.Description = ProblemText.Description(request.Scope);
        S.Department = triage.Department;
        S.Region = triage.Region;
        S.CreatedAt = now;
        var actor = ActorOf(request.Actor);
        Record(now, actor, CaseEventKinds.Opened, null, CaseStatus.New,
            $"problem, {CamelNames.Of(S.Priority)} priority, via {CamelNames.Of(S.Channel)}; triaged to {DepartmentKey}: {S.Subject}");
        // Stored once routed, like any case; the children follow in a second write.
        var routed = await SubmitAsync(Department());
        ApplyRouting(time.GetUtcNow(), routed);
        await CommitAsync(time.GetUtcNow());
        logger.CaseOpened(Number, DepartmentKey);
        await LinkDetectedAsync(request.Children, actor);
        return Result.Ok(await SnapshotAsync());
    }

    public async Task<Result<CaseSnapshot>> AddChildAsync(AddChildRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(request.ChildNumber))
        {
            return CommandError.Invalid("caseNumber", "Name the case to link as a child.");
        }
        if (S.Type != CaseType.Problem)
        {
            return CommandError.Conflict($"Case {Number} is a {CamelNames.Of(S.Type)}, not a problem: only a problem has children.");
        }
        if (NotOpen("link a child to") is { } ended)
        {
            return ended;
        }
        var child = request.ChildNumber.Trim();
        var actor = ActorOf(request.Actor);
        var now = time.GetUtcNow();
        if (S.Children.ContainsKey(child))
        {
            return Result.Replay(await SnapshotAsync());
        }
        if (await LinkAsync(now, child, actor, request.Detected) is { } notLinked)
        {
            return notLinked;
        }
        if (request.Scope is not null)
        {
            S.Scope = request.Scope;
        }
        await CommitAsync(now);
        await ListProblemAsync();
        return Result.Ok(await SnapshotAsync());
    }

    public async Task<Result<CaseSnapshot>> AttachToProblemAsync(ProblemAttachment attachment)
    {
        if (!S.Opened)
        {
            return CommandError.NotFound($"Case {Number} does not exist.", "caseNumber");
        }
        if (S.Problem == attachment.ProblemNumber)
        {
            return Result.Replay(await SnapshotAsync());
        }
        if (S.Problem is { } other)
        {
            return new CommandError(ErrorKind.Conflict, $"Case {Number} is already a child of problem {other}.", "caseNumber");
        }
        if (attachment.ProblemNumber == Number)
        {
            return new CommandError(ErrorKind.Conflict, $"Case {Number} cannot be a child of itself.", "caseNumber");
        }
        var now = time.GetUtcNow();
        S.Problem = attachment.ProblemNumber;
        Record(now, ActorOf(attachment.Actor), CaseEventKinds.ProblemLinked, null, null,
            $"child of problem {attachment.ProblemNumber} ({HowLinked(attachment.Detected, attachment.Actor)})");
        await CommitAsync(now);
        return Result.Ok(await SnapshotAsync());
    }

    public Task<string?> GetProblemAsync() => Task.FromResult(S.Opened ? S.Problem : null);

    public async Task<ChildResolution> ResolveWithProblemAsync(ProblemResolution resolution)
    {
        if (!S.Opened || S.Problem != resolution.ProblemNumber)
        {
            return new ChildResolution(Number, ChildResolutionOutcome.NotChild, S.Opened ? S.Status : null);
        }
        if (!CaseStateMachine.IsOpen(S.Status))
        {
            return new ChildResolution(Number, ChildResolutionOutcome.AlreadyEnded, S.Status);
        }
        if (S.Status == CaseStatus.New)
        {
            // Nobody holds it: the state machine has no way from new to resolved.
            return new ChildResolution(Number, ChildResolutionOutcome.NotStarted, S.Status);
        }
        // Through the case's own actions, so its technician, journal and customer follow as for any resolve.
        if (S.Status == CaseStatus.Assigned
            && !(await ApplyAsync(new CaseCommand(CaseAction.Start, resolution.Actor, Reason: $"to resolve it with problem {resolution.ProblemNumber}"))).IsSuccess)
        {
            return new ChildResolution(Number, ChildResolutionOutcome.Refused, S.Status);
        }
        var resolved = await ApplyAsync(new CaseCommand(CaseAction.Resolve, resolution.Actor, resolution.Summary));
        return new ChildResolution(Number, resolved.IsSuccess ? ChildResolutionOutcome.Resolved : ChildResolutionOutcome.Refused, S.Status);
    }

    /// <summary>Resolves the problem's children with its summary, all at once; their answers say which were left open.</summary>
    private async Task<ImmutableArray<ChildResolution>> ResolveChildrenAsync(CaseCommand command)
    {
        var resolution = new ProblemResolution(Number, ProblemText.ChildSummary(Number, command.Summary!.Trim()), ActorOf(command.Actor));
        var children = S.Children.Values.OrderBy(c => c.Order).Select(c => c.CaseNumber).ToArray();
        return [.. await Task.WhenAll(children.Select(child => Problems(child).ResolveWithProblemAsync(resolution)))];
    }

    /// <summary>Links the cases detection found (those not linked yet) in one write; a case that refuses (it has another
    /// problem) is left out.</summary>
    private async Task LinkDetectedAsync(ImmutableArray<string> children, string actor)
    {
        var now = time.GetUtcNow();
        var linked = false;
        foreach (var child in children.IsDefault ? [] : children)
        {
            if (S.Children.ContainsKey(child))
            {
                continue;
            }
            if (await LinkAsync(now, child, actor, detected: true) is { } notLinked)
            {
                logger.ChildNotLinked(Number, child, notLinked.Message);
                continue;
            }
            linked = true;
        }
        if (linked)
        {
            await CommitAsync(now);
        }
        await ListProblemAsync();
    }

    /// <summary>Links one child: refuses a full problem and a cycle, asks the child to attach, records it here.</summary>
    private async Task<CommandError?> LinkAsync(DateTimeOffset now, string child, string actor, bool detected)
    {
        if (S.Children.Count >= MaxChildren)
        {
            return new CommandError(ErrorKind.Conflict, $"Problem {Number} already has {MaxChildren} children, the most a problem links.", "children");
        }
        if (await CycleThroughAsync(child) is { } cycle)
        {
            return cycle;
        }
        var attached = await Problems(child).AttachToProblemAsync(new ProblemAttachment(Number, actor, detected));
        if (attached.Error is { } refused)
        {
            return refused;
        }
        S.Children.Set(child, new ProblemChild(++S.LastChildOrder, child, now, detected));
        _children = null;
        Record(now, actor, CaseEventKinds.ChildLinked, null, null, $"{child} ({HowLinked(detected, actor)})");
        return null;
    }

    /// <summary>A conflict when <paramref name="child"/> is this problem or one of the problems above it.</summary>
    private async Task<CommandError?> CycleThroughAsync(string child)
    {
        if (child == Number)
        {
            return new CommandError(ErrorKind.Conflict, $"Case {Number} cannot be a child of itself.", "caseNumber");
        }
        var depth = 0;
        for (var above = S.Problem; above is not null; above = await Problems(above).GetProblemAsync())
        {
            if (above == child)
            {
                return new CommandError(ErrorKind.Conflict,
                    $"Case {child} is a problem above {Number}: linking it as a child of {Number} would make a cycle.", "caseNumber");
            }
            if (++depth >= FieldLimits.ProblemDepth)
            {
                return new CommandError(ErrorKind.Conflict,
                    $"Problem {Number} already has {FieldLimits.ProblemDepth} problems above it, the deepest chain linking accepts.", "caseNumber");
            }
        }
        return null;
    }

    /// <summary>Keeps the problem's entry in the open-problem list: listed while open, removed once ended. The list is
    /// a read model: a failure is logged, not surfaced, because the problem's change is durable.</summary>
    private async Task ListProblemAsync()
    {
        try
        {
            var list = GrainFactory.GetGrain<IProblemIndexGrain>(GrainKeys.OpenProblems);
            if (CaseStateMachine.IsOpen(S.Status))
            {
                await list.UpdateAsync(new ProblemSummary(Number, S.Subject, S.Region, S.Scope, S.Children.Count, S.CreatedAt));
            }
            else
            {
                await list.RemoveAsync(Number);
            }
        }
        catch (Exception exception)
        {
            logger.ProblemNotListed(exception, Number);
        }
    }

    private static string HowLinked(bool detected, string actor) => detected ? "detected in the problem's serial range" : $"linked by {actor}";

    private ICaseProblemsGrain Problems(string number) => GrainFactory.GetGrain<ICaseProblemsGrain>(number);
}
