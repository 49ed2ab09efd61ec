namespace CmBot.Tests.Reliability;

/// <summary>One <see cref="ReliabilityHost"/> shared by a test class: starting one costs more than the tests it serves.</summary>
public sealed class ReliabilityFixture : IAsyncLifetime
{
    public ReliabilityHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ReliabilityHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
