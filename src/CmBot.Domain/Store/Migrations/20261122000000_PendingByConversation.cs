using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// A message waits while an earlier one of its conversation is held or waits for a retry. The dispatcher asks that
/// of each candidate through this index of the pending rows by conversation; before, each pass grouped every pending
/// row to find them, which under a backlog cost more than the sends.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(PendingByConversation.Id)]
public sealed class PendingByConversation : Migration
{
    public const string Id = "20261122000000_PendingByConversation";
    public const string Name = "IX_OutboxMessages_PendingByConversation";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(Name, "OutboxMessages", new[] { "Channel", "ConversationId", "Id" }, filter: DueIndexes.OutboxFilter);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(Name, "OutboxMessages");
}
