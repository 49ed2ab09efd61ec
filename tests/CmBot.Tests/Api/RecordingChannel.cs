using System.Collections.Concurrent;
using CmBot.Domain.Delivery;

namespace CmBot.Tests.Api;

/// <summary>A chat platform that records what the outbox dispatcher sends it, and when.</summary>
public sealed class RecordingChannel(string channel) : IChannelSender
{
    private int nextId;

    public string Channel { get; } = channel;

    public ConcurrentQueue<(string ConversationId, OutboundContent Content, DateTimeOffset At)> Posts { get; } = new();

    public Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken)
    {
        Posts.Enqueue((conversationId, content, DateTimeOffset.UtcNow));
        return Task.FromResult($"m{Interlocked.Increment(ref nextId)}");
    }

    public Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;
}
