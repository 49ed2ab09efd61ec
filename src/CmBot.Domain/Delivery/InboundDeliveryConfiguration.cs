using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Delivery;

internal sealed class InboundDeliveryConfiguration : IEntityTypeConfiguration<InboundDelivery>
{
    public void Configure(EntityTypeBuilder<InboundDelivery> delivery)
    {
        delivery.Property(d => d.Key).HasMaxLength(300);
        delivery.HasIndex(d => d.Key).IsUnique();
        delivery.HasIndex(d => d.ReceivedAt);
    }
}
