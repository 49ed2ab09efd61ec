using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Agenda;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.Property(i => i.Text).HasMaxLength(1000);
        item.Property(i => i.AddedById).HasMaxLength(128);
        item.Property(i => i.AddedByName).HasMaxLength(200);
        item.Property(i => i.DiscussedByName).HasMaxLength(200);
        item.BelongsToBrand();
        item.HasIndex(i => new { i.BrandId, i.WeekYear, i.Week });
    }
}
