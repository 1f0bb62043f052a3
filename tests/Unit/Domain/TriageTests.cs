using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;

namespace AfterSales.Tests.Unit.Domain;

public sealed class TriageTests
{
    [Theory]
    [InlineData(CaseType.Consultation, Department.CustomerService)]
    [InlineData(CaseType.Complaint, Department.CustomerService)]
    [InlineData(CaseType.Fault, Department.TechnicalSupport)]
    [InlineData(CaseType.Installation, Department.Installation)]
    [InlineData(CaseType.Maintenance, Department.Maintenance)]
    [InlineData(CaseType.Problem, Department.TechnicalSupport)]
    public void EachCaseTypeGoesToItsDepartmentInTheCustomersRegion(CaseType type, Department department)
    {
        var result = Triage.Route(type, "east");

        Assert.Equal(new TriageResult(department, "east"), result);
    }

    [Fact]
    public void DefaultWeightsMakeFieldVisitsTheHeaviest()
    {
        Assert.Equal([1, 2, 2, 3, 3, 2],
            new[] { CaseType.Consultation, CaseType.Complaint, CaseType.Fault, CaseType.Installation, CaseType.Maintenance, CaseType.Problem }
                .Select(Triage.WeightOf));
    }

    [Fact]
    public void AnUndefinedCaseTypeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Triage.DepartmentFor((CaseType)42));
    }
}
