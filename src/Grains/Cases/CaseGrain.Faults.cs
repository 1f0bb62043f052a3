using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Models;
using AfterSales.Domain.Problems;
using AfterSales.Models;
using AfterSales.Problems;

namespace AfterSales.Cases;

/// <summary>Technical support's knowledge on a case: the fault code given at open (one of the device model's), the
/// model's known solutions shown with the case (read from the silo's model copy, so a popular model's grain is never on
/// a case's path), and the solution its resolution records — a known one is counted on the model, a new one is listed
/// for supervisors to adopt.</summary>
internal sealed partial class CaseGrain
{
    /// <summary>Most fault codes or solutions a refusal lists before it counts the rest.</summary>
    private const int ListedChoices = 20;

    /// <summary>The fault code a new case records (as its model spells it), or why it cannot.</summary>
    private async Task<(string? Code, CommandError? Error)> FaultCodeOfAsync(OpenCaseRequest request, string? model)
    {
        if (request.FaultCode is not { } given)
        {
            return (null, null);
        }
        if (string.IsNullOrWhiteSpace(given) || given.Length > FieldLimits.Identifier)
        {
            return (null, CommandError.Invalid("faultCode", $"A fault code has 1 to {FieldLimits.Identifier} characters."));
        }
        if (request.Type != CaseType.Fault)
        {
            return (null, CommandError.Unprocessable("faultCode",
                $"Only a fault case carries a fault code; this case is a {CamelNames.Of(request.Type)}."));
        }
        if (model is null)
        {
            return (null, CommandError.Unprocessable("faultCode", "A fault code belongs to a device's model: give the deviceSerial it was read from."));
        }
        var known = await models.GetAsync(model);
        if (known is not null && ProductModels.Find(known, given.Trim()) is { } faultCode)
        {
            return (faultCode.Code, null);
        }
        var codes = known?.FaultCodes.IsDefaultOrEmpty == false ? Listed(known.FaultCodes.Select(c => c.Code)) : null;
        return (null, CommandError.Unprocessable("faultCode", known is null
            ? $"Model {model} is not in the catalogue, so it has no fault codes."
            : codes is null
                ? $"Model {model} has no fault codes."
                : $"Model {model} has no fault code '{given.Trim()}'; its fault codes are {codes}."));
    }

    /// <summary>The case as seen from outside, with the known solutions of its fault code as the silo's model copy has
    /// them now. A model that cannot be read leaves them out: a case is never unreadable because of its model.</summary>
    private async Task<CaseSnapshot> SnapshotAsync()
    {
        var snapshot = ToSnapshot() with { Sla = await SlaAsync() };
        try
        {
            return await CurrentFaultCodeAsync() is { Solutions.IsDefaultOrEmpty: false } faultCode
                ? snapshot with { KnownSolutions = faultCode.Solutions }
                : snapshot;
        }
        catch (Exception exception)
        {
            logger.SolutionsUnavailable(exception, Number, S.DeviceModel!);
            return snapshot;
        }
    }

    /// <summary>The model's entry for the case's fault code, from the silo's model copy; null without one.</summary>
    private async Task<FaultCode?> CurrentFaultCodeAsync() =>
        S.FaultCode is { } code && S.DeviceModel is { } model && await models.GetAsync(model) is { } known
            ? ProductModels.Find(known, code)
            : null;

    /// <summary>After a case is stored (again on a replayed open, in case the first message was lost): a fault case with a
    /// fault code tells problem detection, one-way because detection calls cases (it ignores a case it has seen); a
    /// problem opened by hand is listed with the open problems.</summary>
    private async Task AfterOpenAsync()
    {
        if (S.Type == CaseType.Problem)
        {
            await ListProblemAsync();
        }
        if (S.Type == CaseType.Fault && S.FaultCode is { } code && S.DeviceModel is { } model && S.DeviceSerial is { } serial
            && S.Problem is null)
        {
            await GrainFactory.GetGrain<IFaultClusterGrain>(GrainKeys.FaultCluster(model, code))
                .OnFaultAsync(new FaultReport(Number, model, code, serial, S.Region, S.CreatedAt));
        }
    }

    /// <summary>Checks what a resolve brings besides its summary (a known solution of the case's fault code, or a new
    /// one; resolving a problem's children) and resolves the children — calls to other grains, made before the case
    /// changes, so a failure leaves it as stored and a retry completes it (resolved children are left alone).</summary>
    private async Task<PreparedResolution> PrepareResolutionAsync(CaseCommand command)
    {
        if (command.Action != CaseAction.Resolve)
        {
            return command.SolutionId is null && command.NewSolution is null && !command.ResolveChildren
                ? PreparedResolution.None
                : PreparedResolution.Refused(CommandError.Invalid(
                    command.SolutionId is not null ? "solutionId" : command.NewSolution is not null ? "newSolution" : "resolveChildren",
                    "Only a resolve records a solution or resolves children."));
        }
        if (command.SolutionId is not null && command.NewSolution is not null)
        {
            return PreparedResolution.Refused(CommandError.Invalid("newSolution",
                "Name the known solution that worked (solutionId) or describe a new one (newSolution), not both."));
        }
        if (command.NewSolution is { } text && (string.IsNullOrWhiteSpace(text) || text.Trim().Length > FieldLimits.Summary))
        {
            return PreparedResolution.Refused(CommandError.Invalid("newSolution", $"A new solution has 1 to {FieldLimits.Summary} characters."));
        }
        if ((command.SolutionId is not null || command.NewSolution is not null) && S.FaultCode is null)
        {
            return PreparedResolution.Refused(CommandError.Unprocessable(command.SolutionId is not null ? "solutionId" : "newSolution",
                $"Case {Number} has no fault code, so its resolution records no solution."));
        }
        if (command.ResolveChildren && S.Type != CaseType.Problem)
        {
            return PreparedResolution.Refused(CommandError.Unprocessable("resolveChildren",
                $"Case {Number} is a {CamelNames.Of(S.Type)}, not a problem: it has no children to resolve."));
        }
        KnownSolutionChoice? chosen = null;
        if (command.SolutionId is { } id)
        {
            var known = (await CurrentFaultCodeAsync())?.Solutions ?? [];
            if (known.FirstOrDefault(s => string.Equals(s.Id, id.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } solution)
            {
                return PreparedResolution.Refused(CommandError.Unprocessable("solutionId", known.IsDefaultOrEmpty
                    ? $"Fault code {S.FaultCode} of model {S.DeviceModel} has no known solutions yet; describe what worked in newSolution."
                    : $"Fault code {S.FaultCode} of model {S.DeviceModel} has no solution '{id.Trim()}'; its solutions are {Listed(known.Select(s => s.Id))}."));
            }
            chosen = new KnownSolutionChoice(solution.Id, solution.Summary);
        }
        var children = command.ResolveChildren ? await ResolveChildrenAsync(command) : default;
        return new PreparedResolution(null, chosen, command.NewSolution?.Trim(), children);
    }

    /// <summary>Records what the action brought: a resolve's solution and its children's answers, each an event; a
    /// reopen forgets the solution of the resolution it undoes.</summary>
    private void RecordResolution(DateTimeOffset now, string actor, CaseAction action, PreparedResolution prepared)
    {
        if (action == CaseAction.Reopen)
        {
            S.SolutionId = null;
            S.ProposedSolution = null;
            return;
        }
        if (action != CaseAction.Resolve)
        {
            return;
        }
        S.SolutionId = prepared.Solution?.Id;
        S.ProposedSolution = prepared.NewSolution;
        if (prepared.Solution is { } solution)
        {
            Record(now, actor, CaseEventKinds.SolutionApplied, null, null, $"{solution.Id}: {solution.Summary}");
        }
        if (prepared.NewSolution is { } proposal)
        {
            Record(now, actor, CaseEventKinds.SolutionProposed, null, null, proposal);
        }
        if (!prepared.Children.IsDefault)
        {
            Record(now, actor, CaseEventKinds.ChildrenResolved, null, null, ProblemText.DescribeChildren(prepared.Children));
        }
    }

    /// <summary>After the write: a known solution is counted on the model (one-way), a new one is listed for
    /// supervisors, and a problem's entry in the open-problem list follows its status. The lists are read models: a
    /// failure is logged, not surfaced, because the change itself is durable.</summary>
    private async Task AfterResolutionAsync(CaseAction action, string actor, PreparedResolution prepared)
    {
        if (action == CaseAction.Resolve && S.DeviceModel is { } model)
        {
            if (prepared.Solution is { } solution)
            {
                await GrainFactory.GetGrain<IProductModelGrain>(model).OnSolutionUsedAsync(solution.Id);
            }
            if (prepared.NewSolution is { } proposal)
            {
                try
                {
                    await GrainFactory.GetGrain<IProposedSolutionsGrain>(model).ProposeAsync(
                        new ProposedSolution(Number, S.FaultCode!, proposal, actor, S.ResolvedAt ?? time.GetUtcNow()));
                }
                catch (Exception exception)
                {
                    logger.ProposalNotListed(exception, Number, model);
                }
            }
        }
        if (S.Type == CaseType.Problem)
        {
            await ListProblemAsync();
        }
    }

    /// <summary><c>E42, E43 and 3 more</c>.</summary>
    private static string Listed(IEnumerable<string> items)
    {
        var all = items.ToArray();
        var named = string.Join(", ", all.Take(ListedChoices));
        return all.Length > ListedChoices ? $"{named} and {all.Length - ListedChoices} more" : named;
    }
}
