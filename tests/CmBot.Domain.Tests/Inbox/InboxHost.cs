using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>The domain on a store, with the inbox's writer running as the host runs it (and a channel to send to, if given).</summary>
public sealed class InboxHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly CancellationTokenSource stop = new();
    private readonly Task writer;

    public InboxHost(StoreOptions store, IChannelSender? channel = null, Action<DeliveryOptions>? delivery = null)
    {
        var collection = new ServiceCollection();
        collection.AddCmBotDomain();
        if (delivery is not null) collection.Configure(delivery);
        collection.AddSingleton(Options.Create(store));
        if (channel is not null) collection.AddSingleton(channel);
        services = collection.BuildServiceProvider();
        writer = Inbox.RunWriterAsync(stop.Token);
    }

    public ConversationInbox Inbox => services.GetRequiredService<ConversationInbox>();

    public InboxProcessor Processor => services.GetRequiredService<InboxProcessor>();

    public Task<bool> AcceptAsync(string conversation, ChatUser who, string text, string? deliveryId = null) =>
        Inbox.AcceptAsync(new ChatInput(new ChatAddress("test", conversation), who, text) { DeliveryId = deliveryId }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
        await services.DisposeAsync();
        stop.Dispose();
    }
}
