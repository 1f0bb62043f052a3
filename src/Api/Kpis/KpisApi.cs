using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.CaseList;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Kpis;

/// <summary><c>GET /api/kpis</c>: service-quality figures summed over the case list's rows (never from the case grains).</summary>
internal static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetKpis)
            .WithTags("KPIs")
            .WithName(nameof(GetKpis))
            .WithSummary("Service KPIs of a period")
            .WithDescription("Backlog at the period's end (by department, region, priority, status and age), SLA compliance for first "
                + "response and resolution per priority (a breach counts when it happens, open cases included), MTTR, first-time-fix "
                + "rate, reopen rate, CSAT, NPS, complaint rate and technician utilisation over [from, to), optionally one department "
                + "and one region, with a daily or weekly series (UTC boundaries). Formulas: docs/KPIS.md. The figures follow the case "
                + "events through the case list (progress says how far).")
            .ProducesProblems(400)
            .AddOpenApiOperationTransformer(KpiParameterRules.TransformAsync);
        return api;
    }

    public static async Task<Results<Ok<KpiResponse>, ProblemHttpResult>> GetKpis(
        [AsParameters] KpiParameters parameters, InputRules rules, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var query = parameters.Read(errors, rules);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(KpiResponse.Of(await grains.GetGrain<ICaseListGrain>(0).GetKpisAsync(query)));
    }
}
