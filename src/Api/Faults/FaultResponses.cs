using AfterSales.Api.Cases;
using AfterSales.Api.Hosting;
using AfterSales.Models;
using AfterSales.Problems;

namespace AfterSales.Api.Faults;

/// <summary>An open problem as the problem list shows it.</summary>
/// <param name="Number">The problem's case number (read the whole case at <c>GET /api/cases/{number}</c>).</param>
/// <param name="Region">Where the problem is handled (the region of the fault that revealed it).</param>
/// <param name="Scope">What it groups; null for a problem without one.</param>
/// <param name="Children">How many cases are linked to it.</param>
public sealed record ProblemListItemResponse(string Number, string Subject, string Region, ProblemScopeResponse? Scope, int Children, DateTimeOffset OpenedAt)
{
    internal static ProblemListItemResponse From(ProblemSummary problem) => new(
        problem.Number, problem.Subject, problem.Region, problem.Scope is { } scope ? ProblemScopeResponse.From(scope) : null,
        problem.Children, problem.OpenedAt);
}

/// <summary>A page of open problems in number order (oldest first).</summary>
/// <param name="Total">How many problems are open.</param>
/// <param name="Next">The following page's path while more problems follow; null on the last page.</param>
public sealed record ProblemListResponse(ProblemListItemResponse[] Problems, int Total, string? Next)
{
    internal static ProblemListResponse From(ProblemPage page, string? next) =>
        new([.. page.Problems.OrEmpty().Select(ProblemListItemResponse.From)], page.Total, next);
}

/// <summary>A new solution a case's resolution described, not adopted into the model yet.</summary>
/// <param name="CaseNumber">The resolved case: name it as <c>sourceCase</c> when adopting the solution.</param>
/// <param name="FaultCode">The case's fault code, which the solution is for.</param>
/// <param name="ProposedBy">Who resolved the case.</param>
public sealed record ProposedSolutionResponse(string CaseNumber, string FaultCode, string Summary, string ProposedBy, DateTimeOffset ProposedAt)
{
    internal static ProposedSolutionResponse From(ProposedSolution proposal) =>
        new(proposal.CaseNumber, proposal.FaultCode, proposal.Summary, proposal.ProposedBy, proposal.ProposedAt);
}

/// <summary>The new solutions resolutions of a model's cases proposed, newest first, that no known solution adopted yet.</summary>
public sealed record ProposedSolutionsResponse(string Model, ProposedSolutionResponse[] Proposals);
