using AfterSales.Access;
using AfterSales.Domain.Access;

namespace AfterSales.Tests.Unit.Domain.Access;

public sealed class CallerAccessTests
{
    private static readonly CaseOwners Case = new("C-1", "technical-support", "east", "T-1");

    private static CallerScope User(CallerRole role, string? customer = null, string? technician = null, string[]? departments = null, string[]? regions = null) =>
        new(CallerKind.User, "u", role, customer, technician, [.. departments ?? []], [.. regions ?? []], []);

    private static CallerScope Key(params string[] scopes) => new(CallerKind.ApiKey, "k", CallerRole.None, null, null, [], [], [.. scopes]);

    [Fact]
    public void AdminsSeeEveryCase() => Assert.True(CallerAccess.CanSeeCase(User(CallerRole.Admin), Case));

    [Theory]
    [InlineData("C-1", true)]
    [InlineData("C-2", false)]
    public void ACustomerSeesOnlyTheirOwnCases(string customer, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeCase(User(CallerRole.Customer, customer: customer), Case));

    [Fact]
    public void ACustomerWithoutACustomerIdSeesNoCase() =>
        Assert.False(CallerAccess.CanSeeCase(User(CallerRole.Customer), Case with { CustomerId = "" }));

    [Theory]
    [InlineData("T-1", true)]
    [InlineData("T-2", false)]
    public void ATechnicianSeesOnlyTheCasesTheyHold(string technician, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeCase(User(CallerRole.Technician, technician: technician), Case));

    [Fact]
    public void ATechnicianSeesNoUnassignedCase() =>
        Assert.False(CallerAccess.CanSeeCase(User(CallerRole.Technician, technician: "T-1"), Case with { AssignedTechnicianId = null }));

    [Theory]
    [InlineData(CallerRole.Agent, "technical-support", "east", true)]
    [InlineData(CallerRole.Supervisor, "technical-support", "east", true)]
    [InlineData(CallerRole.Agent, "maintenance", "east", false)]
    [InlineData(CallerRole.Agent, "technical-support", "west", false)]
    public void TheDeskSeesTheCasesOfItsDepartmentsInItsRegions(CallerRole role, string department, string region, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeCase(User(role, departments: [department], regions: [region]), Case));

    [Fact]
    public void AnAgentHoldingACaseSeesItOutsideTheirDepartment() =>
        Assert.True(CallerAccess.CanSeeCase(User(CallerRole.Agent, technician: "T-1", departments: ["maintenance"], regions: ["west"]), Case));

    [Fact]
    public void ApiKeysAndRolelessUsersReadNoCaseOrCustomer()
    {
        Assert.False(CallerAccess.CanSeeCase(Key("intake", "cti"), Case));
        Assert.False(CallerAccess.CanSeeCase(User(CallerRole.None), Case));
        Assert.False(CallerAccess.CanSeeCustomer(Key("cti"), "C-1", "east"));
    }

    [Theory]
    [InlineData(CallerRole.Customer, "C-1", null, true)]
    [InlineData(CallerRole.Customer, "C-2", null, false)]
    [InlineData(CallerRole.Agent, null, "east", true)]
    [InlineData(CallerRole.Agent, null, "west", false)]
    [InlineData(CallerRole.Technician, null, "east", false)]
    [InlineData(CallerRole.Admin, null, null, true)]
    public void CustomersAreSeenByThemselvesTheirRegionsDeskAndAdmins(CallerRole role, string? customer, string? region, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeCustomer(User(role, customer: customer, regions: region is null ? [] : [region]), "C-1", "east"));

    [Theory]
    [InlineData(CallerRole.Customer, "C-1", true)]
    [InlineData(CallerRole.Customer, "C-2", false)]
    [InlineData(CallerRole.Technician, null, true)]
    [InlineData(CallerRole.Agent, null, true)]
    public void DevicesAreSeenByTheirOwnerAndStaff(CallerRole role, string? customer, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeDevice(User(role, customer: customer), "C-1"));

    [Theory]
    [InlineData(CallerRole.Customer, "C-1", true)]
    [InlineData(CallerRole.Customer, "C-2", false)]
    [InlineData(CallerRole.Agent, null, true)]
    [InlineData(CallerRole.Supervisor, null, true)]
    [InlineData(CallerRole.Technician, null, false)]
    [InlineData(CallerRole.Admin, null, true)]
    public void AComplaintIsSeenByItsCustomerTheDeskAndAdmins(CallerRole role, string? customer, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeComplaint(User(role, customer: customer), "C-1"));

    [Fact]
    public void ApiKeysReadNoComplaint() => Assert.False(CallerAccess.CanSeeComplaint(Key("intake", "cti"), "C-1"));

    [Theory]
    [InlineData(CallerRole.Technician, "T-1", true)]
    [InlineData(CallerRole.Technician, "T-2", false)]
    [InlineData(CallerRole.Supervisor, null, true)]
    [InlineData(CallerRole.Customer, null, false)]
    public void ATechniciansRecordIsTheirsAndTheDesks(CallerRole role, string? technician, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeTechnician(User(role, technician: technician), "T-1"));

    [Theory]
    [InlineData("maintenance", "east", true)]
    [InlineData("maintenance", null, true)]
    [InlineData("maintenance", "west", false)]
    [InlineData("installation", "east", false)]
    public void ADepartmentIsReachedByItsDesk(string department, string? region, bool sees) =>
        Assert.Equal(sees, CallerAccess.CanSeeDepartment(User(CallerRole.Supervisor, departments: ["maintenance"], regions: ["east"]), department, region));
}
