using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// Covering indexes for "numbers": a week of a big brand's comments and metric samples (thousands of each) is
/// counted and summed from the index alone, without a lookup into the table per row. The comments' one replaces
/// (BrandId, ReceivedAt), which it starts with.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(NumbersIndexes.Id)]
public sealed class NumbersIndexes : Migration
{
    public const string Id = "20261121220000_NumbersIndexes";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Comments_BrandId_ReceivedAt", "Comments");
        migrationBuilder.CreateIndex("IX_Comments_BrandId_ReceivedAt_Covering", "Comments",
            new[] { "BrandId", "ReceivedAt", "NeedsReply", "State", "DeadlineAt", "HandledAt" });
        migrationBuilder.CreateIndex("IX_MetricSamples_BrandId_Day_Covering", "MetricSamples",
            new[] { "BrandId", "Day", "Network", "Metric", "Value" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_MetricSamples_BrandId_Day_Covering", "MetricSamples");
        migrationBuilder.DropIndex("IX_Comments_BrandId_ReceivedAt_Covering", "Comments");
        migrationBuilder.CreateIndex("IX_Comments_BrandId_ReceivedAt", "Comments", new[] { "BrandId", "ReceivedAt" });
    }
}
