using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// Delivery: the outbox (messages written with the change that caused them, sent afterwards), inbound
/// deliveries already processed, the conversations the bot was added to, workspace installations;
/// and who snoozed a routine.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(ChannelsAndDelivery.Id)]
public sealed class ChannelsAndDelivery : Migration
{
    public const string Id = "20261121170000_ChannelsAndDelivery";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChannelConversations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<string>(maxLength: 256, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                ServiceUrl = table.Column<string>(maxLength: 500, nullable: true),
                TenantId = table.Column<string>(maxLength: 64, nullable: true),
                TeamId = table.Column<string>(maxLength: 256, nullable: true),
                AddedAt = table.Column<long>(nullable: false),
                LastSeenAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelConversations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "InboundDeliveries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Key = table.Column<string>(maxLength: 300, nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InboundDeliveries", x => x.Id);
            });

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
                LockedBy = table.Column<string>(maxLength: 64, nullable: true),
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

        migrationBuilder.CreateTable(
            name: "WorkspaceInstallations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                WorkspaceId = table.Column<string>(maxLength: 64, nullable: false),
                WorkspaceName = table.Column<string>(maxLength: 200, nullable: true),
                EnterpriseId = table.Column<string>(maxLength: 64, nullable: true),
                EncryptedBotToken = table.Column<string>(maxLength: 2000, nullable: false),
                BotUserId = table.Column<string>(maxLength: 64, nullable: true),
                BotId = table.Column<string>(maxLength: 64, nullable: true),
                InstalledById = table.Column<string>(maxLength: 64, nullable: true),
                InstalledAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkspaceInstallations", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_ChannelConversations_Channel_ConversationId", "ChannelConversations", new[] { "Channel", "ConversationId" }, unique: true);
        migrationBuilder.CreateIndex("IX_InboundDeliveries_Key", "InboundDeliveries", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_InboundDeliveries_ReceivedAt", "InboundDeliveries", "ReceivedAt");
        migrationBuilder.CreateIndex("IX_OutboxMessages_CardKey", "OutboxMessages", "CardKey");
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_Failed_NextAttemptAt", "OutboxMessages", new[] { "SentAt", "Failed", "NextAttemptAt" });
        migrationBuilder.CreateIndex("IX_WorkspaceInstallations_Channel_WorkspaceId", "WorkspaceInstallations", new[] { "Channel", "WorkspaceId" }, unique: true);

        migrationBuilder.AddColumn<string>(name: "SnoozedById", table: "RoutineOccurrences", maxLength: 128, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SnoozedByName", table: "RoutineOccurrences", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SnoozedByName", table: "RoutineOccurrences");
        migrationBuilder.DropColumn(name: "SnoozedById", table: "RoutineOccurrences");
        migrationBuilder.DropTable("WorkspaceInstallations");
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("InboundDeliveries");
        migrationBuilder.DropTable("ChannelConversations");
    }
}
