using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>
/// A test room linked to the brand Acme (approvers Ana and Bob, member Chloé), on a private store, with the
/// clock at Saturday 21 November 2026, 10:00 in Paris.
/// </summary>
public sealed class DraftChat : IDisposable
{
    public TestStore Store { get; } = new();
    public ManualClock Clock { get; } = ManualClock.Default();
    public TestChannel Chat { get; }
    public Brand Brand { get; }

    public DraftChat(Action<BrandBuilder>? shape = null)
    {
        Chat = new TestChannel(Store, Clock);
        var builder = new BrandBuilder().WithApprover(Ana).WithApprover(Bob).WithMember(Chloe).LinkedTo("test", "room-1");
        shape?.Invoke(builder);
        Brand = Chat.WithDb(builder.SaveIn);
    }

    /// <summary>A draft of Acme in the store, as the builder makes it.</summary>
    public Draft Given(Func<DraftBuilder, DraftBuilder>? shape = null) =>
        Chat.WithDb(db => (shape ?? (b => b))(new DraftBuilder(Brand).CreatedAt(Clock.GetUtcNow())).SaveIn(db));

    /// <summary>The draft as the store has it now.</summary>
    public Draft Stored(int id) => Chat.WithDb(db => db.Drafts.Include(d => d.Revisions).AsNoTracking().Single(d => d.Id == id));

    /// <summary>Types `drafts` and returns the card of the draft as the bot posted it.</summary>
    public async Task<Card> ShowDraft(int id)
    {
        await Chat.Say(Ana, "drafts");
        return Chat.Cards[DraftCard.Key(id)];
    }

    /// <summary>A second room on the same brand and store, with its own services: another person's client.</summary>
    public TestChannel AnotherClient() => new(Store, Clock);

    public void Dispose()
    {
        Chat.Dispose();
        Store.Dispose();
    }
}
