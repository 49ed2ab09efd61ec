using CmBot.Domain.Conversations;

namespace CmBot.Domain.Tests.Conversations;

public sealed class CommandMatcherTests
{
    private sealed class Named(params string[] phrases) : IChatCommand
    {
        public CommandInfo Info { get; } = new(phrases, "", "");
        public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private static readonly Named Agenda = new("agenda", "ordre du jour");
    private static readonly Named AgendaAdd = new("agenda add", "ordre du jour ajouter");
    private static readonly Named Numbers = new("numbers", "chiffres");
    private readonly CommandMatcher matcher = new([Agenda, AgendaAdd, Numbers]);

    [Theory]
    [InlineData("agenda", "agenda", "")]
    [InlineData("agenda add Budget for Q1", "agenda add", "Budget for Q1")]
    [InlineData("Agenda ADD Budget", "agenda add", "Budget")]
    [InlineData("agneda add Budget", "agenda add", "Budget")]
    [InlineData("nubmers last week", "numbers", "last week")]
    [InlineData("Ordre du jour ajouter Salon", "agenda add", "Salon")]
    [InlineData("chiffres", "numbers", "")]
    public void Match_FindsTheLongestPhrase_ForgivingCaseAccentsAndTypos(string typed, string expected, string arguments)
    {
        var match = matcher.Match(typed);

        Assert.NotNull(match);
        Assert.Equal(expected, match.Value.Command.Info.Phrases[0]);
        Assert.Equal(arguments, match.Value.Arguments);
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("")]
    [InlineData("numb")]
    public void Match_ReturnsNothing_ForWhatIsNoCommand(string typed) => Assert.Null(matcher.Match(typed));
}
