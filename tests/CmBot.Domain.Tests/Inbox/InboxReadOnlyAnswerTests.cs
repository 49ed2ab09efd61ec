using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
        await using var host = new InboxHost(store.Options);
        foreach (var (conversation, text) in new[] { ("c1", "new draft"), ("c1", "numbers"), ("c2", "numbers") })
            await host.AcceptAsync(conversation, BrandBuilder.Ana, text);

        Assert.Equal(3, await host.Processor.ProcessDueAsync(CancellationToken.None));

        using (var db = store.NewDb())
        {
            var sent = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.ConversationId, m.Content }).ToListAsync();
            Assert.Contains(sent, m => m.ConversationId == "c2" && m.Content.Contains(NumbersCard));
            var dialog = sent.Where(m => m.ConversationId == "c1").ToList();
            Assert.Equal(2, dialog.Count);
            Assert.DoesNotContain(dialog, m => m.Content.Contains(NumbersCard));
            Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
        }
    }
}
