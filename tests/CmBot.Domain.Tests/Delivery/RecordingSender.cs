using System.Collections.Concurrent;
using CmBot.Domain.Delivery;

namespace CmBot.Domain.Tests.Delivery;

/// <summary>A channel that records what reaches it and fails on cue, the way a throttling platform would.</summary>
public sealed class RecordingSender(string channel = "teams") : IChannelSender
{
    private int nextId;

    public string Channel { get; } = channel;
    public ConcurrentQueue<(string Operation, string ConversationId, string? MessageId, OutboundContent? Content)> Calls { get; } = new();

    /// <summary>How long each call takes, so that concurrent dispatchers really interleave.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Awaited at the start of every call: lets a test hold a send on its way.</summary>
    public Func<Task>? Hold { get; set; }

    /// <summary>Conversations whose next post would have to wait for the platform's pace.</summary>
    public ConcurrentDictionary<string, bool> Paced { get; } = new();

    public bool CanPostNow(string conversationId) => !Paced.ContainsKey(conversationId);

    /// <summary>Failures to throw, in order, before calls succeed again.</summary>
    public ConcurrentQueue<DeliveryException> Failures { get; } = new();

    public async Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken)
    {
        await ActAsync();
        var id = $"m{Interlocked.Increment(ref nextId)}";
        Calls.Enqueue(("post", conversationId, id, content));
        return id;
    }

    public async Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken)
    {
        await ActAsync();
        Calls.Enqueue(("update", conversationId, messageId, content));
    }

    public async Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken)
    {
        await ActAsync();
        Calls.Enqueue(("delete", conversationId, messageId, null));
    }

    private async Task ActAsync()
    {
        if (Hold is { } hold) await hold();
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        if (Failures.TryDequeue(out var failure)) throw failure;
    }
}
