using AfterSales.Domain.Privacy;
using AfterSales.Persistence;

namespace AfterSales.Tests.Unit.Domain.Privacy;

public sealed class ComplaintEventErasureTests
{
    [Theory]
    [InlineData("escalated", "medium → critical: Mr Chen rang the CEO", "[erased]")]
    [InlineData("reject", "He says nobody came", "[erased]")]
    [InlineData("received", "technicianConduct, high severity, via phone", "technicianConduct, high severity, via phone")]
    [InlineData("note", "customer note 2", "customer note 2")]
    public void ErasesTheDetailsOfEveryKindButThoseThePlatformWrites(string kind, string details, string expected)
    {
        var data = StatusChangeData.Serialize("received", "acknowledged", details);

        var erased = ComplaintEventErasure.Erase(kind, data);

        var payload = StatusChangeData.Deserialize(erased ?? data);
        Assert.Equal((expected, "received", "acknowledged"), (payload.Details, payload.From, payload.To));
    }
}
