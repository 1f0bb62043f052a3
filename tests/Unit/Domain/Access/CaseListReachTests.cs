using AfterSales.Access;
using AfterSales.CaseList;
using AfterSales.Common;
using AfterSales.Domain.Access;

namespace AfterSales.Tests.Unit.Domain.Access;

public sealed class CaseListReachTests
{
    private static CallerScope User(CallerRole role, string? customer = null, string? technician = null, string[]? departments = null, string[]? regions = null) =>
        new(CallerKind.User, "u", role, customer, technician, [.. departments ?? []], [.. regions ?? []], []);

    [Fact]
    public void AnAdminsQueryIsUnchanged()
    {
        var query = new CaseListQuery { Regions = ["east"] };

        Assert.Same(query, CaseListReach.Restrict(query, User(CallerRole.Admin)));
    }

    [Fact]
    public void ACustomerListsTheirOwnCasesWhateverTheyAsk()
    {
        Assert.Equal(["C-1"], CaseListReach.Restrict(new CaseListQuery(), User(CallerRole.Customer, customer: "C-1"))!.Customers.ToArray());
        Assert.Equal(["C-1"], CaseListReach.Restrict(new CaseListQuery { Customers = ["C-1", "C-2"] }, User(CallerRole.Customer, customer: "C-1"))!.Customers.ToArray());
        Assert.Null(CaseListReach.Restrict(new CaseListQuery { Customers = ["C-2"] }, User(CallerRole.Customer, customer: "C-1")));
    }

    [Fact]
    public void ATechnicianListsTheCasesTheyHold()
    {
        Assert.Equal(["T-1"], CaseListReach.Restrict(new CaseListQuery(), User(CallerRole.Technician, technician: "T-1"))!.Assignees.ToArray());
        Assert.Null(CaseListReach.Restrict(new CaseListQuery { Assignees = ["T-2"] }, User(CallerRole.Technician, technician: "T-1")));
    }

    [Fact]
    public void TheDeskListsItsDepartmentsAndRegionsWithinWhatItAsks()
    {
        var agent = User(CallerRole.Agent, departments: ["maintenance", "installation"], regions: ["east", "west"]);

        var all = CaseListReach.Restrict(new CaseListQuery(), agent)!;
        var narrowed = CaseListReach.Restrict(new CaseListQuery { Departments = [Department.Maintenance, Department.CustomerService], Regions = ["west"] }, agent)!;

        Assert.Equal([Department.Maintenance, Department.Installation], all.Departments.ToArray());
        Assert.Equal(["east", "west"], all.Regions.ToArray());
        Assert.Equal([Department.Maintenance], narrowed.Departments.ToArray());
        Assert.Equal(["west"], narrowed.Regions.ToArray());
        Assert.Null(CaseListReach.Restrict(new CaseListQuery { Regions = ["north"] }, agent));
    }

    [Fact]
    public void ApiKeysAndRolelessUsersListNothing()
    {
        Assert.Null(CaseListReach.Restrict(new CaseListQuery(), new CallerScope(CallerKind.ApiKey, "k", CallerRole.None, null, null, [], [], ["intake"])));
        Assert.Null(CaseListReach.Restrict(new CaseListQuery(), User(CallerRole.None)));
        Assert.Null(CaseListReach.Restrict(new CaseListQuery(), User(CallerRole.Customer)));
    }
}
