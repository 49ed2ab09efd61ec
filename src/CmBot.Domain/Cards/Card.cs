namespace CmBot.Domain.Cards;

/// <summary>
/// A channel-neutral card. <see cref="Key"/> is its stable identity ("draft-42"): every copy posted
/// anywhere is found by it and updated in place when the thing it shows changes.
/// </summary>
public sealed record Card(string Key, CardKind Kind, string Title)
{
    public string? Subtitle { get; init; }
    public string? Text { get; init; }
    /// <summary>One line telling where things stand: "Approved by Ana · 2 minutes ago".</summary>
    public string? State { get; init; }
    public CardTone Tone { get; init; } = CardTone.Neutral;
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    public IReadOnlyList<CardSection> Sections { get; init; } = [];
    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>
    /// Help, welcome, info and numbers cards show a moment and are never refreshed, so where they were posted is not
    /// worth remembering (a busy chat asking for help would fill the store with copies nothing will update).
    /// </summary>
    public bool IsSnapshot => Kind is CardKind.Help or CardKind.Welcome or CardKind.Info or CardKind.Numbers;

    /// <summary>Every action on the card, its sections' included.</summary>
    public IEnumerable<CardAction> AllActions => Actions.Concat(Sections.SelectMany(s => s.Actions));
}

public enum CardKind { Draft, Comment, Agenda, Numbers, Routine, Help, Welcome, Info }

/// <summary>How the state line should be coloured by a renderer.</summary>
public enum CardTone { Neutral, Good, Warning, Attention }

public sealed record CardFact(string Label, string Value);

public sealed record CardSection(string? Title)
{
    public string? Text { get; init; }
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
