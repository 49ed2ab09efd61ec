using System.Net.Http.Headers;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using CmBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Tests.Api;

/// <summary>
/// The real host on a private SQLite file, without the demo brand, with a recording "test" chat platform, Meta
/// secrets of its own, and an outbox that polls and backs off in fractions of a second.
/// </summary>
public sealed class ApiHost : IDisposable
{
    public const string MetaAppSecret = "meta-app-secret-for-tests";
    public const string MetaVerifyToken = "meta-verify-token-for-tests";

    public static readonly ChatUser Ana = new("u-ana", "Ana");
    public static readonly ChatUser Bob = new("u-bob", "Bob");

    private readonly CmBotFactory factory;
    private readonly WebApplicationFactory<Program> host;

    public ApiHost()
    {
        factory = new CmBotFactory(new()
        {
            ["Demo:Seed"] = "false",
            ["Conversations:FallbackBrand"] = "",
            ["Meta:AppSecret"] = MetaAppSecret,
            ["Meta:VerifyToken"] = MetaVerifyToken,
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Delivery:MaxBackoff"] = "00:00:00.200",
        });
        host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IChannelSender>(Channel)));
    }

    public RecordingChannel Channel { get; } = new("test");

    public IServiceProvider Services => host.Services;

    public HttpClient Client(string? apiKey = null)
    {
        var client = host.CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public T WithDb<T>(Func<CmBotDb, T> work)
    {
        using var scope = Services.CreateScope();
        return work(scope.ServiceProvider.GetRequiredService<CmBotDb>());
    }

    /// <summary>A brand linked to the "test" conversation <paramref name="conversationId"/>, Ana its admin and Bob its approver.</summary>
    public Brand SeedBrand(string name, string conversationId) => WithDb(db =>
    {
        var brand = Brand.Create(name, DateTimeOffset.UtcNow);
        brand.Members.Add(new BrandMember { UserId = Ana.Id, Name = Ana.Name, IsAdmin = true, IsApprover = true });
        brand.Members.Add(new BrandMember { UserId = Bob.Id, Name = Bob.Name, IsApprover = true });
        brand.Channels.Add(new BrandChannel { Channel = "test", ConversationId = conversationId, LinkedAt = DateTimeOffset.UtcNow });
        db.Brands.Add(brand);
        db.SaveChanges();
        return brand;
    });

    /// <summary>A key made the way `brand apikey new` makes one, straight into the store.</summary>
    public string NewKey(int brandId, string name = "tests") => WithDb(db =>
    {
        var (prefix, secret, key) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey
        {
            BrandId = brandId, Name = name, Prefix = prefix, SecretHash = ApiKeySecrets.Hash(secret),
            CreatedById = Ana.Id, CreatedByName = Ana.Name, CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
        return key;
    });

    /// <summary>Someone types or clicks in a "test" conversation; the answer is what the bot would post.</summary>
    public async Task<IReadOnlyList<BotReply>> SendAsync(ChatInput input)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input);
    }

    public Task<IReadOnlyList<BotReply>> SayAsync(string conversationId, ChatUser who, string text) =>
        SendAsync(new ChatInput(new ChatAddress("test", conversationId), who, Text: text));

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#}s waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        host.Dispose();
        factory.Dispose();
    }
}
