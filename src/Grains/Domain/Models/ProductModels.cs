using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Models;

namespace AfterSales.Domain.Models;

/// <summary>How a product model's definition and its known solutions change: a (re)definition keeps the solutions
/// already known for the fault codes it keeps, a supervisor adds solutions one at a time, and resolutions count
/// which solution worked.</summary>
internal static class ProductModels
{
    /// <summary>The model a valid <paramref name="request"/> defines, over <paramref name="previous"/> when it existed.
    /// Solutions already known for a kept fault code stay as they are (with their counts); the request's solutions
    /// with a new id are added.</summary>
    public static ProductModel Define(string code, DefineProductModelRequest request, ProductModel? previous, DateTimeOffset now)
    {
        var faultCodes = ImmutableArray.CreateBuilder<FaultCode>();
        foreach (var faultCode in Normal(request.FaultCodes))
        {
            var known = previous is null ? [] : Normal(Find(previous, faultCode.Code)?.Solutions ?? []);
            var knownIds = known.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var added = Normal(faultCode.Solutions)
                .Where(s => !knownIds.Contains(s.Id))
                .Select(s => new KnownSolution(s.Id, s.Summary.Trim(), request.Actor, now, s.SourceCase, 0));
            faultCodes.Add(new FaultCode(faultCode.Code, faultCode.Description.Trim(), [.. known, .. added]));
        }
        ImmutableArray<MaintenancePlanTemplate> plans =
            [.. Normal(request.MaintenancePlans).Select(plan => plan with { Name = plan.Name.Trim(), Tasks = [.. Normal(plan.Tasks).Select(t => t.Trim())] })];
        return new ProductModel(
            code,
            request.Name.Trim(),
            Normal(request.InstallationSkills),
            Normal(request.MaintenanceSkills),
            [.. Normal(request.Checklist).Select(item => item with { Text = item.Text.Trim(), Unit = item.Unit?.Trim() })],
            plans,
            faultCodes.ToImmutable(),
            request.WarrantyMonths,
            previous?.CreatedAt ?? now,
            now,
            (previous?.Version ?? 0) + 1)
        {
            Meters = [.. Normal(request.Meters).Select(meter => meter with { Unit = meter.Unit.Trim() })],
            ConditionRules = Normal(request.ConditionRules),
            PlansVersion = previous is null ? 1 : SamePlans(previous.MaintenancePlans, plans) ? previous.PlansVersion : previous.PlansVersion + 1,
        };
    }

    /// <summary>True when both lists hold the same plans in the same order (a repeated definition changes no device).</summary>
    public static bool SamePlans(ImmutableArray<MaintenancePlanTemplate> a, ImmutableArray<MaintenancePlanTemplate> b)
    {
        var left = Normal(a);
        var right = Normal(b);
        return left.Length == right.Length && left.Zip(right).All(pair => MaintenancePlans.SameAs(pair.First, pair.Second));
    }

    /// <summary>Adds a solution to one of the model's fault codes. A request naming a source case whose solution is
    /// already known for that code answers that solution (a retry adds nothing).</summary>
    public static (ProductModel? Model, KnownSolution? Solution, CommandError? Error) AddSolution(
        ProductModel model, AddSolutionRequest request, DateTimeOffset now)
    {
        if (ProductModelValidator.SolutionSummaryError(request.Summary) is { } summaryError)
        {
            return (null, null, CommandError.Invalid("summary", summaryError));
        }
        if (request.SourceCase is { } source && !ProductModelValidator.IsIdentifier(source))
        {
            return (null, null, CommandError.Invalid("sourceCase", "A source case is a case number such as AS-2026-000123."));
        }
        var index = IndexOf(model, request.FaultCode);
        if (index < 0)
        {
            return (null, null, CommandError.NotFound($"Model {model.Code} has no fault code '{request.FaultCode}'.", "faultCode"));
        }
        var faultCode = model.FaultCodes[index];
        var solutions = Normal(faultCode.Solutions);
        if (request.SourceCase is not null
            && solutions.FirstOrDefault(s => string.Equals(s.SourceCase, request.SourceCase, StringComparison.OrdinalIgnoreCase)) is { } adopted)
        {
            return (model, adopted, null);
        }
        if (solutions.Length >= ProductModelLimits.SolutionsPerFaultCode)
        {
            return (null, null, CommandError.Conflict(
                $"Fault code {faultCode.Code} of model {model.Code} already has {ProductModelLimits.SolutionsPerFaultCode} solutions, the most it keeps."));
        }
        var solution = new KnownSolution(NextSolutionId(model, faultCode), request.Summary.Trim(), request.Actor, now, request.SourceCase, 0);
        var changed = model.FaultCodes.SetItem(index, faultCode with { Solutions = solutions.Add(solution) });
        return (Touch(model with { FaultCodes = changed }, now), solution, null);
    }

    /// <summary>The model with one more use of <paramref name="solutionId"/>; null when no solution has that id.</summary>
    public static ProductModel? CountUse(ProductModel model, string solutionId, DateTimeOffset now)
    {
        for (var i = 0; i < model.FaultCodes.Length; i++)
        {
            var solutions = Normal(model.FaultCodes[i].Solutions);
            for (var s = 0; s < solutions.Length; s++)
            {
                if (string.Equals(solutions[s].Id, solutionId, StringComparison.OrdinalIgnoreCase))
                {
                    var used = solutions.SetItem(s, solutions[s] with { TimesUsed = solutions[s].TimesUsed + 1 });
                    return Touch(model with { FaultCodes = model.FaultCodes.SetItem(i, model.FaultCodes[i] with { Solutions = used }) }, now);
                }
            }
        }
        return null;
    }

    /// <summary>The model's fault code <paramref name="code"/> (compared regardless of case), or null.</summary>
    public static FaultCode? Find(ProductModel model, string code) => IndexOf(model, code) is var i and >= 0 ? model.FaultCodes[i] : null;

    /// <summary><c>{code}-{n}</c> with the first n from the code's solution count + 1 that no solution of the model uses.</summary>
    private static string NextSolutionId(ProductModel model, FaultCode faultCode)
    {
        var used = model.FaultCodes.SelectMany(c => Normal(c.Solutions)).Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = Normal(faultCode.Solutions).Length + 1; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{faultCode.Code}-{n}");
            if (!used.Contains(id))
            {
                return id;
            }
        }
    }

    private static int IndexOf(ProductModel model, string code)
    {
        var codes = Normal(model.FaultCodes);
        for (var i = 0; i < codes.Length; i++)
        {
            if (string.Equals(codes[i].Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private static ProductModel Touch(ProductModel model, DateTimeOffset now) => model with { UpdatedAt = now, Version = model.Version + 1 };

    private static ImmutableArray<T> Normal<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
