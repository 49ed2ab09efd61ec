using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>The inbox: inputs accepted from Teams and Slack, written before the 200 and handled afterwards.</summary>
[DbContext(typeof(CmBotDb))]
[Migration(InboxEntries.Id)]
public sealed class InboxEntries : Migration
{
    public const string Id = "20261121210000_InboxEntries";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InboxEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Key = table.Column<string>(maxLength: 300, nullable: false),
                Input = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LockedBy = table.Column<string>(maxLength: 64, nullable: true),
                LockedUntil = table.Column<long>(nullable: true),
                ProcessedAt = table.Column<long>(nullable: true),
                Failed = table.Column<bool>(nullable: false),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InboxEntries", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_InboxEntries_Key", "InboxEntries", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_InboxEntries_ProcessedAt_Failed_NextAttemptAt", "InboxEntries", new[] { "ProcessedAt", "Failed", "NextAttemptAt" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("InboxEntries");
}
