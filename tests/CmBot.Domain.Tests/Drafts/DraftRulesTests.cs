using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>Deciding on a draft: who may, when, and with what.</summary>
public sealed class DraftRulesTests
{
    private static readonly DateTimeOffset Now = ManualClock.Default().GetUtcNow();
    private readonly Brand brand = new BrandBuilder().WithApprover(Ana).WithApprover(Bob).WithMember(Chloe).Build();

    private DraftBuilder ADraft() => new DraftBuilder(brand).WithId(42);

    [Fact]
    public void Approve_ByApprover_RecordsWhoAndWhen()
    {
        var draft = ADraft().Build();

        draft.Approve(brand, Ana, Now.AddMinutes(3));

        Assert.Equal(DraftState.Approved, draft.State);
        Assert.Equal(("u-ana", "Ana", Now.AddMinutes(3)), (draft.DecidedById, draft.DecidedByName, draft.DecidedAt));
    }

    [Fact]
    public void Approve_ByNonApprover_IsRefused()
    {
        var draft = ADraft().By(Bob).Build();

        var refused = Assert.Throws<DomainException>(() => draft.Approve(brand, Chloe, Now));

        Assert.Equal("Only the brand's approvers can approve drafts.", refused.Message);
        Assert.Equal(DraftState.Pending, draft.State);
    }

    [Fact]
    public void Approve_ByAnyone_IsAllowedWhenTheBrandLetsAnyoneApprove()
    {
        brand.AnyoneMayApprove = true;
        var draft = ADraft().Build();

        draft.Approve(brand, Outsider, Now);

        Assert.Equal(DraftState.Approved, draft.State);
    }

    [Fact]
    public void Approve_ByTheAuthor_IsRefused()
    {
        var draft = ADraft().By(Ana).Build();

        var refused = Assert.Throws<DomainException>(() => draft.Approve(brand, Ana, Now));

        Assert.Equal("You wrote this draft: another approver must approve it.", refused.Message);
        Assert.Equal(DraftState.Pending, draft.State);
    }

    [Fact]
    public void Approve_ByTheAuthor_IsAllowedWhenTheBrandAllowsIt()
    {
        brand.AuthorMayApproveOwn = true;
        var draft = ADraft().By(Ana).Build();

        draft.Approve(brand, Ana, Now);

        Assert.Equal(DraftState.Approved, draft.State);
    }

    [Fact]
    public void Approve_WhenAlreadyApproved_NamesWhoApproved()
    {
        var draft = ADraft().ApprovedBy(Ana).Build();

        var refused = Assert.Throws<DomainException>(() => draft.Approve(brand, Bob, Now));

        Assert.Equal("Draft 42 is already approved by Ana.", refused.Message);
        Assert.Equal("Ana", draft.DecidedByName);
    }

    [Fact]
    public void RequestChanges_WithoutComment_IsRefused()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.RequestChanges(brand, Bob, "  ", Now));

        Assert.Contains("a comment is required", refused.Message);
        Assert.Equal(DraftState.Pending, draft.State);
    }

    [Fact]
    public void RequestChanges_WithComment_KeepsTheComment()
    {
        var draft = ADraft().Build();

        draft.RequestChanges(brand, Bob, " Shorter please ", Now);

        Assert.Equal((DraftState.ChangesRequested, "Shorter please", "Bob"), (draft.State, draft.DecisionNote, draft.DecidedByName));
    }

    [Fact]
    public void Reject_WithoutReason_IsRefused()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.Reject(brand, Bob, null, Now));

        Assert.Contains("a reason is required", refused.Message);
        Assert.Equal(DraftState.Pending, draft.State);
    }

    [Fact]
    public void Reject_ByNonApprover_IsRefused()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.Reject(brand, Chloe, "Off brand", Now));

        Assert.Equal("Only the brand's approvers can reject drafts.", refused.Message);
    }

    [Fact]
    public void MarkPublished_BeforeApproval_IsRefused()
    {
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.MarkPublished(brand, Now));

        Assert.Equal("Draft 42 is not approved yet: it cannot be marked published.", refused.Message);
    }

    [Fact]
    public void MarkPublished_AfterApproval_RecordsWhen()
    {
        var draft = ADraft().ApprovedBy(Ana).Build();

        draft.MarkPublished(brand, Now.AddHours(1));

        Assert.Equal((DraftState.Published, Now.AddHours(1)), (draft.State, draft.PublishedAt));
    }

    [Fact]
    public void Refusals_SpeakTheBrandsLanguage()
    {
        brand.Language = Language.Fr;
        var draft = ADraft().Build();

        var refused = Assert.Throws<DomainException>(() => draft.Approve(brand, Chloe, Now));

        Assert.Equal("Seuls les approbateurs de la marque peuvent approuver les brouillons.", refused.Message);
    }
}
