using CmBot.Domain.Conversations;
using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>
/// The inbox answers read-only commands before its write transaction, but never out of turn: an input that follows
/// another of its conversation in the same batch is answered after it, so a dialog that one starts takes the next.
/// </summary>
public sealed class InboxReadOnlyAnswerTests
{
    private const string NumbersCard = "\"key\":\"numbers-";

    [Fact]
    public async Task Numbers_AfterNewDraftInTheSameBatch_GoesToTheDialog_WhileAnotherConversationGetsItsNumbers()
    {
        using var store = new TestStore();
        using (var db = store.NewDb())
            new BrandBuilder().WithApprover(BrandBuilder.Ana).LinkedTo("test", "c1").LinkedTo("test", "c2").SaveIn(db);
        var collection = new ServiceCollection();
        collection.AddCmBotDomain();
        collection.AddSingleton(Options.Create(store.Options));
        await using var services = collection.BuildServiceProvider();
        var inbox = services.GetRequiredService<ConversationInbox>();
        using var stop = new CancellationTokenSource();
        var writer = inbox.RunWriterAsync(stop.Token);
        foreach (var (conversation, text) in new[] { ("c1", "new draft"), ("c1", "numbers"), ("c2", "numbers") })
            await inbox.AcceptAsync(new ChatInput(new ChatAddress("test", conversation), BrandBuilder.Ana, text), CancellationToken.None);

        Assert.Equal(3, await services.GetRequiredService<InboxProcessor>().ProcessDueAsync(CancellationToken.None));

        using (var db = store.NewDb())
        {
            var sent = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.ConversationId, m.Content }).ToListAsync();
            Assert.Contains(sent, m => m.ConversationId == "c2" && m.Content.Contains(NumbersCard));
            var dialog = sent.Where(m => m.ConversationId == "c1").ToList();
            Assert.Equal(2, dialog.Count);
            Assert.DoesNotContain(dialog, m => m.Content.Contains(NumbersCard));
            Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
    }
}
