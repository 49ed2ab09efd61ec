using CmBot.Domain.Store.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Inbox;

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> entry)
    {
        entry.ToTable("InboxEntries");
        entry.Property(e => e.Key).HasMaxLength(300);
        entry.Property(e => e.LockedBy).HasMaxLength(64);
        entry.Property(e => e.LastError).HasMaxLength(500);
        entry.HasIndex(e => e.Key).IsUnique();
        // The processor's query: what is still to handle, oldest first (see the DueIndexes migration).
        entry.HasIndex(e => e.Id).HasDatabaseName("IX_InboxEntries_Due").HasFilter(DueIndexes.InboxFilter);
        // Whether an older input of a conversation is still to handle (see the InboxInConversationOrder migration).
        entry.HasIndex(e => new { e.Conversation, e.Id }).HasDatabaseName(InboxInConversationOrder.Name).HasFilter(DueIndexes.InboxFilter);
    }
}
