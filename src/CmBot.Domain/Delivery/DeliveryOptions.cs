namespace CmBot.Domain.Delivery;

public sealed class DeliveryOptions
{
    /// <summary>How many messages one dispatch pass takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How many conversations the dispatcher sends to at once (each conversation's messages stay in order). More
    /// overlaps more round trips to the platform; it is also how many sends a crash can leave unrecorded.
    /// </summary>
    public int ParallelConversations { get; set; } = 16;

    /// <summary>After this many failed attempts a message is given up (and logged).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a dispatcher owns the messages it took, so another instance does not send them too.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait between two attempts (the platform's Retry-After may ask for more).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many inbox passes run side by side, each over its own share of the conversations. More overlap more sends;
    /// fewer make bigger passes, and each pass reads the store a few times whatever its size (on two cores, 2 did best).
    /// </summary>
    public int InboxLanes { get; set; } = 2;

    /// <summary>
    /// How many accepted inputs may wait in memory for the inbox processor (see <see cref="Inbox.HeldInputs"/>); past it,
    /// they wait in the store only, and a busy instance answers them a little later rather than grow.
    /// </summary>
    public int InboxHeldInMemory { get; set; } = 2000;

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
