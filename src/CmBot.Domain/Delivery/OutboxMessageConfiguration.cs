using CmBot.Domain.Store.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Delivery;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Channel).HasMaxLength(16);
        message.Property(m => m.ConversationId).HasMaxLength(256);
        message.Property(m => m.ThreadId).HasMaxLength(256);
        message.Property(m => m.MessageId).HasMaxLength(256);
        message.Property(m => m.CardKey).HasMaxLength(64);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.Property(m => m.LockedBy).HasMaxLength(64);
        message.Property(m => m.Version).IsConcurrencyToken();
        // The dispatcher's query: what is still to send, oldest first (see the DueIndexes migration).
        message.HasIndex(m => m.Id).HasDatabaseName("IX_OutboxMessages_Due").HasFilter(DueIndexes.OutboxFilter);
        message.HasIndex(m => new { m.Channel, m.ConversationId, m.Id }).HasDatabaseName(PendingByConversation.Name).HasFilter(DueIndexes.OutboxFilter);
        message.HasIndex(m => m.CardKey);
    }
}
