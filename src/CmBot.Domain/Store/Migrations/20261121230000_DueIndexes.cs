using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// The inbox and the outbox are read as "what is due, oldest first, a batch at a time". An index of the pending rows
/// alone, in id order, lets that read stop after the batch; the former indexes made it gather and sort every pending
/// row first, which under a backlog was most of a pass.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(DueIndexes.Id)]
public sealed class DueIndexes : Migration
{
    public const string Id = "20261121230000_DueIndexes";

    public const string OutboxFilter = "\"SentAt\" IS NULL AND NOT \"Failed\"";
    public const string InboxFilter = "\"ProcessedAt\" IS NULL AND NOT \"Failed\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_OutboxMessages_SentAt_Failed_NextAttemptAt", "OutboxMessages");
        migrationBuilder.DropIndex("IX_InboxEntries_ProcessedAt_Failed_NextAttemptAt", "InboxEntries");
        migrationBuilder.CreateIndex("IX_OutboxMessages_Due", "OutboxMessages", "Id", filter: OutboxFilter);
        migrationBuilder.CreateIndex("IX_InboxEntries_Due", "InboxEntries", "Id", filter: InboxFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_OutboxMessages_Due", "OutboxMessages");
        migrationBuilder.DropIndex("IX_InboxEntries_Due", "InboxEntries");
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_Failed_NextAttemptAt", "OutboxMessages", new[] { "SentAt", "Failed", "NextAttemptAt" });
        migrationBuilder.CreateIndex("IX_InboxEntries_ProcessedAt_Failed_NextAttemptAt", "InboxEntries", new[] { "ProcessedAt", "Failed", "NextAttemptAt" });
    }
}
