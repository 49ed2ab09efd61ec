using CmBot.Domain.Common;

namespace CmBot.Domain.Delivery;

/// <summary>Wakes the dispatcher as soon as something was committed to the outbox.</summary>
public sealed class OutboxSignal : WorkSignal;
