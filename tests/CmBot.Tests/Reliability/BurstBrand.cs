using CmBot.Domain.Brands;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CmBot.Tests.Reliability;

/// <summary>A brand of the kill test: linked to one Teams channel and one Slack channel, with an API key of its own.</summary>
public sealed record BurstBrand(int Id, string Name, string TeamsConversation, string SlackChannel, string ApiKey)
{
    /// <summary>
    /// Creates the database as the host would (the migrations) and puts the brands in it, each key made the way
    /// `brand apikey new` makes one (as the API tests do); anyone in their channels may approve. Drafts and
    /// comments then come through the REST API, as a brand's tools would send them.
    /// </summary>
    public static List<BurstBrand> Seed(string databasePath, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var seeded = new List<BurstBrand>();
        using (var db = new CmBotDb(new StoreOptions { Provider = "Sqlite", ConnectionString = $"Data Source={databasePath}" }.DbContextOptions()))
        {
            StoreMigrator.Migrate(db);
            for (var i = 0; i < count; i++)
            {
                var (teams, slack) = ($"19:kill-burst-{i:D2}@thread.tacv2", $"C0KILLB{i:D4}");
                var brand = Brand.Create($"Burst {i:D2}", now);
                brand.AnyoneMayApprove = true;
                brand.Channels.Add(new BrandChannel { Channel = "teams", ConversationId = teams, LinkedAt = now });
                brand.Channels.Add(new BrandChannel { Channel = "slack", ConversationId = slack, LinkedAt = now });
                db.Brands.Add(brand);
                db.SaveChanges();
                var (prefix, secret, key) = ApiKeySecrets.Generate();
                db.ApiKeys.Add(new ApiKey
                {
                    BrandId = brand.Id, Name = "burst", Prefix = prefix, SecretHash = ApiKeySecrets.Hash(secret),
                    CreatedById = "kill-test", CreatedByName = "Kill test", CreatedAt = now,
                });
                db.SaveChanges();
                seeded.Add(new BurstBrand(brand.Id, brand.Name, teams, slack, key));
            }
        }
        SqliteConnection.ClearAllPools();
        return seeded;
    }
}
