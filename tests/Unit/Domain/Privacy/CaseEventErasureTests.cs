using AfterSales.Domain.CaseList;
using AfterSales.Domain.Privacy;

namespace AfterSales.Tests.Unit.Domain.Privacy;

public sealed class CaseEventErasureTests
{
    private static readonly CaseFacts Facts = new("fault", "normal", "phone", "new", "C-1", null, "Mr Chen's boiler",
        "Call him on +8613800138000", "technical-support", "north", null, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void ErasesTheSubjectAndDescriptionOfTheFactsAndKeepsTheIds()
    {
        var data = new CaseEventPayload(null, "new", "fault, normal priority, via phone; triaged to technical-support/north", Facts).Serialize();

        var erased = CaseEventPayload.Deserialize(CaseEventErasure.Erase("opened", data)!);

        Assert.Equal(Facts with { Subject = "[erased]", Description = "[erased]" }, erased.Facts);
        Assert.Equal(("new", "[erased]"), (erased.To, erased.Details));
    }

    [Theory]
    [InlineData("priorityChanged", "normal → high: Mr Chen rang twice", "[erased]")]
    [InlineData("resolved", "Told Mr Chen the seal is new", "[erased]")]
    [InlineData("someKindAddedLater", "free text", "[erased]")]
    [InlineData("assigned", "T-1 in technical-support/north", "T-1 in technical-support/north")]
    [InlineData("note", "internal note 3", "internal note 3")]
    public void ErasesTheDetailsOfEveryKindButThoseThePlatformWritesFromIds(string kind, string details, string expected)
    {
        var erased = CaseEventErasure.Erase(kind, new CaseEventPayload(null, null, details).Serialize());

        Assert.Equal(expected, erased is null ? details : CaseEventPayload.Deserialize(erased).Details);
    }

    [Fact]
    public void AnEventWithNothingPersonalOrAlreadyErasedNeedsNoRewrite()
    {
        Assert.Null(CaseEventErasure.Erase("assigned", new CaseEventPayload("new", "assigned", "T-1").Serialize()));
        Assert.Null(CaseEventErasure.Erase("resolved", new CaseEventPayload(null, null, "[erased]", Facts with { Subject = "[erased]", Description = null }).Serialize()));
    }
}
