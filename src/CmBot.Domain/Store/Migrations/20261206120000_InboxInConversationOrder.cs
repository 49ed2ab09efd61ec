using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// Each inbox entry keeps its conversation, so that no input is handled while an older one of its conversation is
/// still to handle elsewhere: waiting for a retry, left in the store past the memory bound, or leased to an instance
/// that died. The index answers "is an older one pending?" from the pending rows alone. Entries written before have
/// no conversation and keep no order, as before.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(Id)]
public sealed class InboxInConversationOrder : Migration
{
    public const string Id = "20261206120000_InboxInConversationOrder";
    public const string Name = "IX_InboxEntries_PendingByConversation";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Conversation", "InboxEntries", nullable: true);
        migrationBuilder.CreateIndex(Name, "InboxEntries", new[] { "Conversation", "Id" }, filter: DueIndexes.InboxFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Name, "InboxEntries");
        migrationBuilder.DropColumn("Conversation", "InboxEntries");
    }
}
