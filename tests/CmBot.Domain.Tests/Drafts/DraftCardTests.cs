using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

public sealed class DraftCardTests
{
    private readonly ManualClock clock = ManualClock.Default();
    private readonly Brand brand = new BrandBuilder().WithApprover(Ana).WithApprover(Bob).Build();

    private DraftBuilder ADraft() => new DraftBuilder(brand).WithId(42);

    private Card CardOf(Draft draft) => DraftCard.Build(draft, brand, clock);

    [Fact]
    public void Pending_ShowsWhenSubmitted_AndTheFourActions()
    {
        var draft = ADraft().Build();
        clock.Advance(TimeSpan.FromMinutes(5));

        var card = CardOf(draft);

        Assert.Equal(("draft-42", CardKind.Draft, "Draft 42"), (card.Key, card.Kind, card.Title));
        Assert.Equal("Waiting for approval · submitted 5 minutes ago", card.State);
        Assert.Equal(["Approve", "Request changes", "Reject", "Edit"], card.Actions.Select(a => a.Label));
        Assert.Equal(CardActionStyle.Positive, card.Actions[0].Style);
        Assert.Equal(CardActionStyle.Destructive, card.Actions[2].Style);
        Assert.All(card.Actions, a => Assert.Equal(("42", "1"), (a.Data[DraftFields.DraftId], a.Data[DraftFields.Revision])));
    }

    [Fact]
    public void RequestChangesAndReject_AskForARequiredNote()
    {
        var card = CardOf(ADraft().Build());

        var comment = Assert.Single(card.Actions.Single(a => a.Verb == DraftVerbs.RequestChanges).Inputs);
        var reason = Assert.Single(card.Actions.Single(a => a.Verb == DraftVerbs.Reject).Inputs);

        Assert.Equal((DraftFields.Comment, CardInputKind.MultilineText, true), (comment.Id, comment.Kind, comment.Required));
        Assert.Equal((DraftFields.Reason, CardInputKind.MultilineText, true), (reason.Id, reason.Kind, reason.Required));
    }

    [Fact]
    public void Edit_IsPrefilledWithTheDraftAsItIs_InTheBrandsTime()
    {
        var planned = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);
        var card = CardOf(ADraft().PlannedAt(planned).Build());

        var inputs = card.Actions.Single(a => a.Verb == DraftVerbs.Edit).Inputs.ToDictionary(i => i.Id);

        Assert.StartsWith("Our autumn collection", inputs[DraftFields.Text].Value);
        Assert.Equal("X,LinkedIn", inputs[DraftFields.Networks].Value);
        Assert.True(inputs[DraftFields.Networks].MultiSelect);
        Assert.Equal(6, inputs[DraftFields.Networks].Choices.Count);
        Assert.Equal(("2026-11-23", "09:30"), (inputs[DraftFields.Date].Value, inputs[DraftFields.Time].Value));
    }

    [Fact]
    public void Facts_ShowNetworksPlannedLocalTimeAuthorRevisionHashtagsAndLinks()
    {
        var card = CardOf(ADraft().PlannedAt(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero)).Build());

        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);

        Assert.Equal("X, LinkedIn", facts["Networks"]);
        Assert.Equal("Mon, Nov 23, 09:30", facts["Planned"]);
        Assert.Equal("Chloé", facts["Author"]);
        Assert.Equal("1", facts["Revision"]);
        Assert.Equal("#autumn", facts["Hashtags"]);
        Assert.Equal("https://acme.example/autumn", facts["Links"]);
    }

    [Fact]
    public void Approved_ShowsWhoAndWhen_WithMarkPublishedAndEdit()
    {
        var draft = ADraft().ApprovedBy(Ana).Build();
        clock.Advance(TimeSpan.FromMinutes(2));

        var card = CardOf(draft);

        Assert.Equal("Approved by Ana · 2 minutes ago", card.State);
        Assert.Equal(CardTone.Good, card.Tone);
        Assert.Equal(["Mark published", "Edit"], card.Actions.Select(a => a.Label));
    }

    [Fact]
    public void ChangesRequested_ShowsTheComment_AndOnlyEdit()
    {
        var card = CardOf(ADraft().ChangesRequestedBy(Bob, "Add the price").Build());

        Assert.Equal("Changes requested by Bob: Add the price", card.State);
        Assert.Equal(CardTone.Warning, card.Tone);
        Assert.Equal(["Edit"], card.Actions.Select(a => a.Label));
    }

    [Fact]
    public void Rejected_ShowsTheReason_AndOnlyEdit()
    {
        var card = CardOf(ADraft().RejectedBy(Bob, "Off brand").Build());

        Assert.Equal("Rejected by Bob: Off brand", card.State);
        Assert.Equal(CardTone.Attention, card.Tone);
        Assert.Equal(["Edit"], card.Actions.Select(a => a.Label));
    }

    [Fact]
    public void Published_HasNoActionsLeft()
    {
        var draft = ADraft().ApprovedBy(Ana).Published().Build();
        clock.Advance(TimeSpan.FromHours(3));

        var card = CardOf(draft);

        Assert.Equal("Published · 3 hours ago · approved by Ana", card.State);
        Assert.Empty(card.Actions);
    }

    [Fact]
    public void FrenchBrand_GetsFrenchLabelsStateAndDates()
    {
        brand.Language = CmBot.Domain.Common.Language.Fr;
        var draft = ADraft().PlannedAt(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero)).Build();
        clock.Advance(TimeSpan.FromMinutes(5));

        var card = CardOf(draft);

        Assert.Equal("Brouillon 42", card.Title);
        Assert.Equal("En attente d'approbation · soumis il y a 5 minutes", card.State);
        Assert.Equal(["Approuver", "Demander des modifications", "Refuser", "Modifier"], card.Actions.Select(a => a.Label));
        Assert.Equal("lun. 23 nov., 09:30", card.Facts.Single(f => f.Label == "Prévu").Value);
    }
}
