using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>Test-data builder for a draft of a brand, written by Chloé for X and LinkedIn unless told otherwise.</summary>
public sealed class DraftBuilder(Brand brand)
{
    private ChatUser author = BrandBuilder.Chloe;
    private string text = "Our autumn collection is out! #autumn https://acme.example/autumn";
    private Network[] networks = [Network.X, Network.LinkedIn];
    private DateTimeOffset? plannedAt;
    private DateTimeOffset createdAt = ManualClock.Default().GetUtcNow();
    private int? id;
    private readonly List<Action<Draft>> moves = [];

    public DraftBuilder By(ChatUser user) { author = user; return this; }

    public DraftBuilder WithText(string value) { text = value; return this; }

    public DraftBuilder For(params Network[] value) { networks = value; return this; }

    public DraftBuilder PlannedAt(DateTimeOffset value) { plannedAt = value; return this; }

    public DraftBuilder CreatedAt(DateTimeOffset value) { createdAt = value; return this; }

    public DraftBuilder WithId(int value) { id = value; return this; }

    public DraftBuilder ApprovedBy(ChatUser user) { moves.Add(d => d.Approve(brand, user, createdAt)); return this; }

    public DraftBuilder ChangesRequestedBy(ChatUser user, string comment)
    {
        moves.Add(d => d.RequestChanges(brand, user, comment, createdAt));
        return this;
    }

    public DraftBuilder RejectedBy(ChatUser user, string reason) { moves.Add(d => d.Reject(brand, user, reason, createdAt)); return this; }

    public DraftBuilder Published() { moves.Add(d => d.MarkPublished(brand, createdAt)); return this; }

    /// <summary>The draft as the rules make it, then moved through the steps asked for (as an approver allowed to).</summary>
    public Draft Build()
    {
        var draft = Draft.Create(brand, author, text, networks, plannedAt, createdAt);
        if (id is { } value) draft.Id = value;
        foreach (var move in moves) move(draft);
        return draft;
    }

    public Draft SaveIn(CmBotDb db)
    {
        var draft = Build();
        db.Drafts.Add(draft);
        db.SaveChanges();
        return draft;
    }
}
