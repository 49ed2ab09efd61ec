using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Channels;

internal sealed class ChannelConversationConfiguration : IEntityTypeConfiguration<ChannelConversation>
{
    public void Configure(EntityTypeBuilder<ChannelConversation> conversation)
    {
        conversation.Property(c => c.Channel).HasMaxLength(16);
        conversation.Property(c => c.ConversationId).HasMaxLength(256);
        conversation.Property(c => c.Kind).HasMaxLength(32);
        conversation.Property(c => c.Name).HasMaxLength(200);
        conversation.Property(c => c.ServiceUrl).HasMaxLength(500);
        conversation.Property(c => c.TenantId).HasMaxLength(64);
        conversation.Property(c => c.TeamId).HasMaxLength(256);
        conversation.HasIndex(c => new { c.Channel, c.ConversationId }).IsUnique();
    }
}

internal sealed class WorkspaceInstallationConfiguration : IEntityTypeConfiguration<WorkspaceInstallation>
{
    public void Configure(EntityTypeBuilder<WorkspaceInstallation> installation)
    {
        installation.Property(i => i.Channel).HasMaxLength(16);
        installation.Property(i => i.WorkspaceId).HasMaxLength(64);
        installation.Property(i => i.WorkspaceName).HasMaxLength(200);
        installation.Property(i => i.EnterpriseId).HasMaxLength(64);
        installation.Property(i => i.EncryptedBotToken).HasMaxLength(2000);
        installation.Property(i => i.BotUserId).HasMaxLength(64);
        installation.Property(i => i.BotId).HasMaxLength(64);
        installation.Property(i => i.InstalledById).HasMaxLength(64);
        installation.HasIndex(i => new { i.Channel, i.WorkspaceId }).IsUnique();
    }
}
