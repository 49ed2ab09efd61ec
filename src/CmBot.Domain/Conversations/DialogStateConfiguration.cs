using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Conversations;

internal sealed class DialogStateConfiguration : IEntityTypeConfiguration<DialogState>
{
    public void Configure(EntityTypeBuilder<DialogState> dialog)
    {
        dialog.Property(d => d.Channel).HasMaxLength(16);
        dialog.Property(d => d.ConversationId).HasMaxLength(256);
        dialog.Property(d => d.UserId).HasMaxLength(128);
        dialog.Property(d => d.Dialog).HasMaxLength(64);
        dialog.Property(d => d.Step).HasMaxLength(64);
        dialog.Property(d => d.Values).HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Count,
                v => new Dictionary<string, string>(v)));
        dialog.HasIndex(d => new { d.Channel, d.ConversationId, d.UserId }).IsUnique();
    }
}
