using AfterSales.Common;
using AfterSales.Domain.Models;
using AfterSales.Models;
using static AfterSales.Tests.Unit.Domain.Models.ModelFixtures;

namespace AfterSales.Tests.Unit.Domain.Models;

public sealed class ProductModelsTests
{
    private static readonly DateTimeOffset Later = Noon.AddDays(1);

    private static ProductModel Defined() => ProductModels.Define("HX-200", Definition(), null, Noon);

    [Fact]
    public void AFirstDefinitionIsVersionOneAndItsSolutionsAreAddedByTheAuthor()
    {
        var model = Defined();

        Assert.Equal((1, Noon, Noon), (model.Version, model.CreatedAt, model.UpdatedAt));
        var solution = Assert.Single(model.FaultCodes[0].Solutions);
        Assert.Equal(("E42-1", "catalogue-admin", Noon, 0), (solution.Id, solution.AddedBy, solution.AddedAt, solution.TimesUsed));
    }

    [Fact]
    public void ARedefinitionKeepsTheKnownSolutionsOfKeptCodesAndAddsNewOnes()
    {
        var used = ProductModels.CountUse(Defined(), "E42-1", Noon)!;
        var request = Definition() with
        {
            FaultCodes =
            [
                new FaultCode("e42", "Low pressure (revised)", [Solution("E42-1", "Other text"), Solution("E42-9", "Bleed the circuit.")]),
            ],
        };

        var redefined = ProductModels.Define("HX-200", request, used, Later);

        var code = Assert.Single(redefined.FaultCodes);
        Assert.Equal(("e42", "Low pressure (revised)"), (code.Code, code.Description));
        Assert.Equal([("E42-1", "Replace the seal.", 1), ("E42-9", "Bleed the circuit.", 0)], code.Solutions.Select(s => (s.Id, s.Summary, s.TimesUsed)));
        Assert.Equal((Noon, Later, used.Version + 1), (redefined.CreatedAt, redefined.UpdatedAt, redefined.Version));
    }

    [Fact]
    public void AnAddedSolutionGetsTheNextFreeIdOfItsCode()
    {
        var model = Defined();

        var (changed, solution, error) = ProductModels.AddSolution(model, new AddSolutionRequest("e42", "Bleed the circuit.", "supervisor-1", "AS-2026-000001"), Later);

        Assert.Null(error);
        Assert.Equal(("E42-2", "supervisor-1", "AS-2026-000001"), (solution!.Id, solution.AddedBy, solution.SourceCase));
        Assert.Equal(2, changed!.FaultCodes[0].Solutions.Length);
        Assert.Equal((model.Version + 1, Later), (changed.Version, changed.UpdatedAt));
    }

    [Fact]
    public void AddingTheSolutionOfTheSameSourceCaseAgainAnswersTheFirstOneUnchanged()
    {
        var request = new AddSolutionRequest("E42", "Bleed the circuit.", "supervisor-1", "AS-2026-000001");
        var (once, first, _) = ProductModels.AddSolution(Defined(), request, Later);

        var (twice, second, error) = ProductModels.AddSolution(once!, request with { Summary = "Typed again" }, Later.AddMinutes(1));

        Assert.Null(error);
        Assert.Same(once, twice);
        Assert.Equal(first, second);
    }

    [Fact]
    public void AnUnknownFaultCodeABlankSummaryAndAFullCodeAreRefused()
    {
        var model = Defined();
        var full = model with
        {
            FaultCodes = [model.FaultCodes[0] with { Solutions = [.. Enumerable.Range(1, ProductModelLimits.SolutionsPerFaultCode).Select(i => Solution($"E42-{i}"))] }],
        };

        Assert.Equal((ErrorKind.NotFound, "faultCode"), Refusal(ProductModels.AddSolution(model, new("E99", "x", "s"), Later).Error));
        Assert.Equal((ErrorKind.Validation, "summary"), Refusal(ProductModels.AddSolution(model, new("E42", " ", "s"), Later).Error));
        Assert.Equal((ErrorKind.Conflict, null), Refusal(ProductModels.AddSolution(full, new("E42", "x", "s"), Later).Error));
    }

    [Fact]
    public void CountingAUseBumpsTheSolutionAndAnUnknownIdChangesNothing()
    {
        var model = Defined();

        var used = ProductModels.CountUse(model, "e42-1", Later)!;

        Assert.Equal(1, used.FaultCodes[0].Solutions[0].TimesUsed);
        Assert.Equal(model.Version + 1, used.Version);
        Assert.Null(ProductModels.CountUse(model, "nope", Later));
    }

    private static (ErrorKind?, string?) Refusal(CommandError? error) => (error?.Kind, error?.Field);
}
