using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>Writing a draft and editing it: checks on create, revisions on edit.</summary>
public sealed class DraftContentRulesTests
{
    private static readonly DateTimeOffset Now = ManualClock.Default().GetUtcNow();
    private readonly Brand brand = new BrandBuilder().WithApprover(Ana).WithApprover(Bob).WithMember(Chloe).Build();

    private DraftBuilder ADraft() => new DraftBuilder(brand).WithId(42);

    [Fact]
    public void Edit_OfAnApprovedDraft_GoesBackToPending_AndRecordsTheRevision()
    {
        var draft = ADraft().ApprovedBy(Ana).Build();
        var planned = Now.AddDays(2);

        var revision = draft.Edit(brand, Chloe, "New text #winter", [Network.Instagram], planned, Now.AddMinutes(10));

        Assert.Equal((DraftState.Pending, 2, (string?)null), (draft.State, draft.Revision, draft.DecidedByName));
        Assert.Equal((2, "Chloé", Now.AddMinutes(10)), (revision.Number, revision.EditedByName, revision.EditedAt));
        Assert.StartsWith("Our autumn collection", revision.TextBefore);
        Assert.Equal("New text #winter", revision.TextAfter);
        Assert.Equal([Network.X, Network.LinkedIn], revision.NetworksBefore);
        Assert.Equal([Network.Instagram], revision.NetworksAfter);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)planned), (revision.PlannedAtBefore, revision.PlannedAtAfter));
        Assert.Equal(["#winter"], draft.Hashtags);
        Assert.Same(revision, Assert.Single(draft.Revisions));
    }

    [Fact]
    public void Edit_WithNothingChanged_IsRefused()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.Edit(brand, Chloe, draft.Text, draft.Networks, draft.PlannedAt, Now));

        Assert.Equal("Nothing changed: draft 42 stays as it is.", refused.Message);
        Assert.Empty(draft.Revisions);
    }

    [Fact]
    public void Edit_OfAPublishedDraft_IsRefused()
    {
        var draft = ADraft().ApprovedBy(Ana).Published().Build();

        Assert.Throws<DomainException>(() => draft.Edit(brand, Chloe, "Too late", [Network.X], null, Now));
        Assert.Equal(DraftState.Published, draft.State);
    }

    [Fact]
    public void Edit_OverTheLimitOfANetwork_IsRefusedAndChangesNothing()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.Edit(brand, Chloe, new string('a', 501), [Network.Pinterest], null, Now));

        Assert.Equal("Too long for Pinterest: 501 characters, the limit is 500.", refused.Message);
        Assert.Equal((1, 0), (draft.Revision, draft.Version));
    }

    [Fact]
    public void EveryMove_BumpsTheConcurrencyVersion()
    {
        var draft = ADraft().Build();
        Assert.Equal(0, draft.Version);

        draft.RequestChanges(brand, Bob, "Shorter", Now);
        draft.Edit(brand, Chloe, "Short", [Network.X], null, Now);
        draft.Approve(brand, Ana, Now);
        draft.MarkPublished(brand, Now);

        Assert.Equal(4, draft.Version);
    }

    [Fact]
    public void Create_WithAPlannedTimeInThePast_IsRefused() =>
        Assert.Throws<DomainException>(() => ADraft().PlannedAt(Now.AddMinutes(-1)).Build());

    [Fact]
    public void Create_WithoutNetwork_IsRefused() =>
        Assert.Equal("Pick at least one network.", Assert.Throws<DomainException>(() => ADraft().For().Build()).Message);

    [Fact]
    public void Create_TakesHashtagsAndLinksFromTheText()
    {
        var draft = ADraft().WithText("Hello #fall and #Fall, see https://a.example/x. #sale").Build();

        Assert.Equal(["#fall", "#sale"], draft.Hashtags);
        Assert.Equal(["https://a.example/x"], draft.Links);
    }
}
