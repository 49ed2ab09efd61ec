using System.Collections.Concurrent;
using CmBot.Domain.Delivery;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// The chat platforms several dispatchers send to, as several processes would: each call takes a small random time and
/// is recorded with the moments it started and ended on one shared counter, so an overlap or an inversion within a
/// conversation shows. Calls never fail.
/// </summary>
public sealed class TimedPlatform
{
    private long ticks;
    private int ids;

    /// <param name="Node">Which dispatcher sent it.</param>
    /// <param name="Start">When the call reached the platform; <paramref name="End"/> when it answered (same counter).</param>
    public sealed record Send(string Node, string Channel, string Conversation, string Operation, string MessageId, OutboundContent? Content, long Start, long End);

    public ConcurrentQueue<Send> Sends { get; } = new();

    /// <summary>How long each call takes, drawn for every call.</summary>
    public int MaxLatencyMilliseconds { get; init; } = 3;

    /// <summary>The door of one channel for one node (one process's sender).</summary>
    public IChannelSender Sender(string channel, string node) => new Door(this, channel, node);

    private async Task<string> CallAsync(string node, string channel, string conversation, string operation, string? messageId, OutboundContent? content)
    {
        var start = Interlocked.Increment(ref ticks);
        var latency = Random.Shared.Next(0, MaxLatencyMilliseconds + 1);
        if (latency > 0) await Task.Delay(latency);
        var id = messageId ?? $"{channel}-m{Interlocked.Increment(ref ids)}";
        Sends.Enqueue(new Send(node, channel, conversation, operation, id, content, start, Interlocked.Increment(ref ticks)));
        return id;
    }

    private sealed class Door(TimedPlatform platform, string channel, string node) : IChannelSender
    {
        public string Channel => channel;

        public Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken) =>
            platform.CallAsync(node, channel, conversationId, "post", null, content);

        public Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken) =>
            platform.CallAsync(node, channel, conversationId, "update", messageId, content);

        public Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken) =>
            platform.CallAsync(node, channel, conversationId, "delete", messageId, null);
    }
}
