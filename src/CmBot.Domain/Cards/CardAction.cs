namespace CmBot.Domain.Cards;

/// <summary>
/// A button. Clicking sends <see cref="Verb"/> and <see cref="Data"/> back; when <see cref="Inputs"/> is not
/// empty the button opens a small form first (a ShowCard in Teams, a modal in Slack) whose values join the data.
/// </summary>
public sealed record CardAction(string Label, string Verb)
{
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    public CardActionStyle Style { get; init; } = CardActionStyle.Default;
    public IReadOnlyList<CardInput> Inputs { get; init; } = [];
    public string? SubmitLabel { get; init; }
}

public enum CardActionStyle { Default, Positive, Destructive }

public sealed record CardInput(string Id, string Label, CardInputKind Kind = CardInputKind.Text)
{
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];
    public bool MultiSelect { get; init; }
}

public enum CardInputKind { Text, MultilineText, Choice, Date, Time, Number }

public sealed record CardChoice(string Title, string Value);
