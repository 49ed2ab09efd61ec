using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CmBot.Teams.Auth;

/// <summary>
/// The Bot Connector's keys, cached by one app-wide ConfigurationManager (auto-refresh 12 h, under the 24 h the
/// docs ask). An unknown `kid` may force one refresh per <see cref="ForcedRefreshInterval"/>: the manager refreshes
/// in the background, so the caller waits (bounded) for the new keys; callers arriving meanwhile share that wait.
/// </summary>
public sealed class BotConnectorKeys(ConfigurationManager<OpenIdConnectConfiguration> manager, TimeProvider clock)
{
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private DateTimeOffset? lastForcedRefresh;
    private Task<BotConnectorConfiguration>? refreshing;

    public async Task<BotConnectorConfiguration> GetAsync(CancellationToken cancellationToken) =>
        (BotConnectorConfiguration)await manager.GetConfigurationAsync(cancellationToken);

    /// <summary>New keys after a forced refresh, or null when one was forced too recently (the kid is then refused).</summary>
    public Task<BotConnectorConfiguration>? RefreshForUnknownKey(BotConnectorConfiguration seen)
    {
        lock (gate)
        {
            if (refreshing is { IsCompleted: false } pending) return pending;
            var now = clock.GetUtcNow();
            if (lastForcedRefresh is { } last && now - last < ForcedRefreshInterval) return null;
            lastForcedRefresh = now;
            manager.RequestRefresh();
            return refreshing = WaitForNewerAsync(seen);
        }
    }

    private async Task<BotConnectorConfiguration> WaitForNewerAsync(BotConnectorConfiguration seen)
    {
        var deadline = clock.GetUtcNow() + RefreshWait;
        while (true)
        {
            var current = await GetAsync(CancellationToken.None);
            if (!ReferenceEquals(current, seen) || clock.GetUtcNow() >= deadline) return current;
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock);
        }
    }
}
