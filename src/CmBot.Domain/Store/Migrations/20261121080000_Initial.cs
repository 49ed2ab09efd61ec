using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// The product's tables: brands and their teams, channels, influencers and profiles; drafts, comments,
/// agenda items, metric samples, routines; where cards were posted; dialogs under way.
/// Written by hand (no EF design-time tools here); column types are left to each provider.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(Initial.Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261121080000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Brands",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                Language = table.Column<string>(maxLength: 32, nullable: false),
                ReplyDeadlineMinutes = table.Column<int>(nullable: false),
                SyncDay = table.Column<string>(maxLength: 32, nullable: false),
                SyncTime = table.Column<TimeOnly>(nullable: false),
                AnyoneMayApprove = table.Column<bool>(nullable: false),
                AuthorMayApproveOwn = table.Column<bool>(nullable: false),
                AlertWords = table.Column<string>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Brands", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CardPosts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                CardKey = table.Column<string>(maxLength: 64, nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<string>(maxLength: 256, nullable: false),
                ThreadId = table.Column<string>(maxLength: 256, nullable: true),
                MessageId = table.Column<string>(maxLength: 256, nullable: false),
                PostedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CardPosts", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DialogStates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<string>(maxLength: 256, nullable: false),
                UserId = table.Column<string>(maxLength: 128, nullable: false),
                Dialog = table.Column<string>(maxLength: 64, nullable: false),
                Step = table.Column<string>(maxLength: 64, nullable: false),
                Values = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DialogStates", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                WeekYear = table.Column<int>(nullable: false),
                Week = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                AddedById = table.Column<string>(maxLength: 128, nullable: false),
                AddedByName = table.Column<string>(maxLength: 200, nullable: false),
                AddedAt = table.Column<long>(nullable: false),
                DiscussedAt = table.Column<long>(nullable: true),
                DiscussedByName = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
                table.ForeignKey("FK_AgendaItems_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BrandChannels",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<string>(maxLength: 256, nullable: false),
                LinkedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BrandChannels", x => x.Id);
                table.ForeignKey("FK_BrandChannels_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BrandMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 128, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                IsApprover = table.Column<bool>(nullable: false),
                IsAdmin = table.Column<bool>(nullable: false),
                IsOnDuty = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BrandMembers", x => x.Id);
                table.ForeignKey("FK_BrandMembers_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Comments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Network = table.Column<string>(maxLength: 32, nullable: false),
                ExternalId = table.Column<string>(maxLength: 200, nullable: true),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(nullable: false),
                Permalink = table.Column<string>(maxLength: 1000, nullable: true),
                IsPrivateMessage = table.Column<bool>(nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
                NeedsReply = table.Column<bool>(nullable: false),
                DeadlineAt = table.Column<long>(nullable: false),
                IsUrgent = table.Column<bool>(nullable: false),
                EscalatedAt = table.Column<long>(nullable: true),
                State = table.Column<string>(maxLength: 32, nullable: false),
                AssignedToId = table.Column<string>(maxLength: 128, nullable: true),
                AssignedToName = table.Column<string>(maxLength: 200, nullable: true),
                HandledById = table.Column<string>(maxLength: 128, nullable: true),
                HandledByName = table.Column<string>(maxLength: 200, nullable: true),
                HandledAt = table.Column<long>(nullable: true),
                ReplyText = table.Column<string>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Comments", x => x.Id);
                table.ForeignKey("FK_Comments_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Drafts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                Networks = table.Column<string>(nullable: false),
                Links = table.Column<string>(nullable: false),
                Hashtags = table.Column<string>(nullable: false),
                PlannedAt = table.Column<long>(nullable: true),
                AuthorId = table.Column<string>(maxLength: 128, nullable: false),
                AuthorName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 32, nullable: false),
                Revision = table.Column<int>(nullable: false),
                DecidedById = table.Column<string>(maxLength: 128, nullable: true),
                DecidedByName = table.Column<string>(maxLength: 200, nullable: true),
                DecidedAt = table.Column<long>(nullable: true),
                DecisionNote = table.Column<string>(nullable: true),
                PublishedAt = table.Column<long>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Drafts", x => x.Id);
                table.ForeignKey("FK_Drafts_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Influencers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Handle = table.Column<string>(maxLength: 200, nullable: false),
                AddedAt = table.Column<long>(nullable: false),
                LastContactedAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Influencers", x => x.Id);
                table.ForeignKey("FK_Influencers_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MetricSamples",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Network = table.Column<string>(maxLength: 32, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Metric = table.Column<string>(maxLength: 64, nullable: false),
                Value = table.Column<double>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MetricSamples", x => x.Id);
                table.ForeignKey("FK_MetricSamples_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NetworkTargets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Network = table.Column<string>(maxLength: 32, nullable: false),
                MinPerDay = table.Column<int>(nullable: false),
                MaxPerDay = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkTargets", x => x.Id);
                table.ForeignKey("FK_NetworkTargets_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Routines",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Cadence = table.Column<string>(maxLength: 32, nullable: false),
                Day = table.Column<string>(maxLength: 32, nullable: false),
                Time = table.Column<TimeOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Routines", x => x.Id);
                table.ForeignKey("FK_Routines_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SocialProfiles",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Network = table.Column<string>(maxLength: 32, nullable: false),
                Handle = table.Column<string>(maxLength: 200, nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: true),
                AboutReviewedAt = table.Column<long>(nullable: true),
                AboutReviewedBy = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SocialProfiles", x => x.Id);
                table.ForeignKey("FK_SocialProfiles_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DraftRevisions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                DraftId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                EditedById = table.Column<string>(maxLength: 128, nullable: false),
                EditedByName = table.Column<string>(maxLength: 200, nullable: false),
                EditedAt = table.Column<long>(nullable: false),
                TextBefore = table.Column<string>(nullable: false),
                TextAfter = table.Column<string>(nullable: false),
                NetworksBefore = table.Column<string>(nullable: false),
                NetworksAfter = table.Column<string>(nullable: false),
                PlannedAtBefore = table.Column<long>(nullable: true),
                PlannedAtAfter = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DraftRevisions", x => x.Id);
                table.ForeignKey("FK_DraftRevisions_Drafts_DraftId", x => x.DraftId, "Drafts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "InfluencerContacts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                InfluencerId = table.Column<int>(nullable: false),
                ContactedAt = table.Column<long>(nullable: false),
                ById = table.Column<string>(maxLength: 128, nullable: false),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InfluencerContacts", x => x.Id);
                table.ForeignKey("FK_InfluencerContacts_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InfluencerContacts_Influencers_InfluencerId", x => x.InfluencerId, "Influencers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoutineOccurrences",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                RoutineId = table.Column<int>(nullable: false),
                BrandId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                DueAt = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 32, nullable: false),
                DoneById = table.Column<string>(maxLength: 128, nullable: true),
                DoneByName = table.Column<string>(maxLength: 200, nullable: true),
                DoneAt = table.Column<long>(nullable: true),
                SnoozedUntil = table.Column<long>(nullable: true),
                InfluencerId = table.Column<int>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoutineOccurrences", x => x.Id);
                table.ForeignKey("FK_RoutineOccurrences_Routines_RoutineId", x => x.RoutineId, "Routines", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AgendaItems_BrandId_WeekYear_Week", "AgendaItems", new[] { "BrandId", "WeekYear", "Week" });
        migrationBuilder.CreateIndex("IX_BrandChannels_BrandId", "BrandChannels", "BrandId");
        migrationBuilder.CreateIndex("IX_BrandChannels_Channel_ConversationId", "BrandChannels", new[] { "Channel", "ConversationId" }, unique: true);
        migrationBuilder.CreateIndex("IX_BrandMembers_BrandId_UserId", "BrandMembers", new[] { "BrandId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex("IX_Brands_Name", "Brands", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_CardPosts_CardKey", "CardPosts", "CardKey");
        migrationBuilder.CreateIndex("IX_CardPosts_Channel_ConversationId_MessageId", "CardPosts", new[] { "Channel", "ConversationId", "MessageId" }, unique: true);
        migrationBuilder.CreateIndex("IX_Comments_BrandId_Network_ExternalId", "Comments", new[] { "BrandId", "Network", "ExternalId" }, unique: true);
        migrationBuilder.CreateIndex("IX_Comments_BrandId_ReceivedAt", "Comments", new[] { "BrandId", "ReceivedAt" });
        migrationBuilder.CreateIndex("IX_Comments_BrandId_State_DeadlineAt", "Comments", new[] { "BrandId", "State", "DeadlineAt" });
        migrationBuilder.CreateIndex("IX_DialogStates_Channel_ConversationId_UserId", "DialogStates", new[] { "Channel", "ConversationId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex("IX_DraftRevisions_DraftId_Number", "DraftRevisions", new[] { "DraftId", "Number" }, unique: true);
        migrationBuilder.CreateIndex("IX_Drafts_BrandId_DecidedAt", "Drafts", new[] { "BrandId", "DecidedAt" });
        migrationBuilder.CreateIndex("IX_Drafts_BrandId_State", "Drafts", new[] { "BrandId", "State" });
        migrationBuilder.CreateIndex("IX_InfluencerContacts_BrandId_ContactedAt", "InfluencerContacts", new[] { "BrandId", "ContactedAt" });
        migrationBuilder.CreateIndex("IX_InfluencerContacts_InfluencerId", "InfluencerContacts", "InfluencerId");
        migrationBuilder.CreateIndex("IX_Influencers_BrandId_Handle", "Influencers", new[] { "BrandId", "Handle" }, unique: true);
        migrationBuilder.CreateIndex("IX_MetricSamples_BrandId_Day_Network_Metric", "MetricSamples", new[] { "BrandId", "Day", "Network", "Metric" }, unique: true);
        migrationBuilder.CreateIndex("IX_NetworkTargets_BrandId_Network", "NetworkTargets", new[] { "BrandId", "Network" }, unique: true);
        migrationBuilder.CreateIndex("IX_RoutineOccurrences_BrandId_DueAt", "RoutineOccurrences", new[] { "BrandId", "DueAt" });
        migrationBuilder.CreateIndex("IX_RoutineOccurrences_RoutineId_Period", "RoutineOccurrences", new[] { "RoutineId", "Period" }, unique: true);
        migrationBuilder.CreateIndex("IX_Routines_BrandId_Kind", "Routines", new[] { "BrandId", "Kind" }, unique: true);
        migrationBuilder.CreateIndex("IX_SocialProfiles_BrandId_Network_Handle", "SocialProfiles", new[] { "BrandId", "Network", "Handle" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RoutineOccurrences");
        migrationBuilder.DropTable("InfluencerContacts");
        migrationBuilder.DropTable("DraftRevisions");
        migrationBuilder.DropTable("SocialProfiles");
        migrationBuilder.DropTable("Routines");
        migrationBuilder.DropTable("NetworkTargets");
        migrationBuilder.DropTable("MetricSamples");
        migrationBuilder.DropTable("Influencers");
        migrationBuilder.DropTable("Drafts");
        migrationBuilder.DropTable("Comments");
        migrationBuilder.DropTable("BrandMembers");
        migrationBuilder.DropTable("BrandChannels");
        migrationBuilder.DropTable("AgendaItems");
        migrationBuilder.DropTable("DialogStates");
        migrationBuilder.DropTable("CardPosts");
        migrationBuilder.DropTable("Brands");
    }
}
