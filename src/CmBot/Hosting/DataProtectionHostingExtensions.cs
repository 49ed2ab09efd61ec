using CmBot.Api;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using Microsoft.AspNetCore.DataProtection;

namespace CmBot.Hosting;

public static class DataProtectionHostingExtensions
{
    /// <summary>
    /// The keys that encrypt stored secrets (Slack workspace tokens, webhook secrets, secrets waiting in the outbox) must outlive the process
    /// and be shared by every instance: without them a redeploy could no longer read what was stored.
    /// They go to `DataProtection:KeysFolder` (default: data/keys beside the SQLite store; on several instances,
    /// a folder they share).
    /// </summary>
    public static WebApplicationBuilder AddCmBotDataProtection(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("CmBot")
            .PersistKeysToFileSystem(Directory.CreateDirectory(Path.GetFullPath(folder)));
        builder.Services.AddKeyedSingleton<ISecretProtector>(SensitiveContent.ProtectorKey,
            (services, key) => new DataProtectionSecretProtector(services.GetRequiredService<IDataProtectionProvider>(), (string)key!));
        return builder;
    }
}
