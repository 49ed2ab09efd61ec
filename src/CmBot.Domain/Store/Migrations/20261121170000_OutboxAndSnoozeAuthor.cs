using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// The outbox (messages written with the change that caused them, sent afterwards), and who snoozed a routine.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(OutboxAndSnoozeAuthor.Id)]
public sealed class OutboxAndSnoozeAuthor : Migration
{
    public const string Id = "20261121170000_OutboxAndSnoozeAuthor";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<string>(maxLength: 256, nullable: false),
                ThreadId = table.Column<string>(maxLength: 256, nullable: true),
                MessageId = table.Column<string>(maxLength: 256, nullable: true),
                CardKey = table.Column<string>(maxLength: 64, nullable: true),
                Content = table.Column<string>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LockedUntil = table.Column<long>(nullable: true),
                SentAt = table.Column<long>(nullable: true),
                Failed = table.Column<bool>(nullable: false),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_OutboxMessages_CardKey", "OutboxMessages", "CardKey");
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_Failed_NextAttemptAt", "OutboxMessages", new[] { "SentAt", "Failed", "NextAttemptAt" });

        migrationBuilder.AddColumn<string>(name: "SnoozedById", table: "RoutineOccurrences", maxLength: 128, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SnoozedByName", table: "RoutineOccurrences", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SnoozedByName", table: "RoutineOccurrences");
        migrationBuilder.DropColumn(name: "SnoozedById", table: "RoutineOccurrences");
        migrationBuilder.DropTable("OutboxMessages");
    }
}
