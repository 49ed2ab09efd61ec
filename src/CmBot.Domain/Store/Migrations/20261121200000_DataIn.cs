using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// Getting the data in: the brands' API keys (hashed), the answers of idempotent API requests, the outgoing
/// webhook subscriptions (secret encrypted by the host), and the Meta accounts whose webhooks feed a brand.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(DataIn.Id)]
public sealed class DataIn : Migration
{
    public const string Id = "20261121200000_DataIn";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedById = table.Column<string>(maxLength: 128, nullable: false),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                RevokedAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiKeys", x => x.Id);
                table.ForeignKey("FK_ApiKeys_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IdempotencyRecords",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: true),
                ResponseBody = table.Column<string>(nullable: true),
                Location = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                table.ForeignKey("FK_IdempotencyRecords_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WebhookSubscriptions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Url = table.Column<string>(maxLength: 1000, nullable: false),
                EncryptedSecret = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedById = table.Column<string>(maxLength: 128, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                DisabledAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                table.ForeignKey("FK_WebhookSubscriptions_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MetaAccounts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                BrandId = table.Column<int>(nullable: false),
                Network = table.Column<string>(maxLength: 32, nullable: false),
                AccountId = table.Column<string>(maxLength: 64, nullable: false),
                LinkedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MetaAccounts", x => x.Id);
                table.ForeignKey("FK_MetaAccounts_Brands_BrandId", x => x.BrandId, "Brands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ApiKeys_BrandId", "ApiKeys", "BrandId");
        migrationBuilder.CreateIndex("IX_ApiKeys_Prefix", "ApiKeys", "Prefix", unique: true);
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_BrandId_Key", "IdempotencyRecords", new[] { "BrandId", "Key" }, unique: true);
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_CreatedAt", "IdempotencyRecords", "CreatedAt");
        migrationBuilder.CreateIndex("IX_WebhookSubscriptions_BrandId_DisabledAt", "WebhookSubscriptions", new[] { "BrandId", "DisabledAt" });
        migrationBuilder.CreateIndex("IX_MetaAccounts_BrandId", "MetaAccounts", "BrandId");
        migrationBuilder.CreateIndex("IX_MetaAccounts_Network_AccountId", "MetaAccounts", new[] { "Network", "AccountId" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MetaAccounts");
        migrationBuilder.DropTable("WebhookSubscriptions");
        migrationBuilder.DropTable("IdempotencyRecords");
        migrationBuilder.DropTable("ApiKeys");
    }
}
