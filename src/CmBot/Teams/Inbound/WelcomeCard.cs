using CmBot.Domain.Cards;

namespace CmBot.Teams.Inbound;

/// <summary>The short hello posted once when CmBot is added to a team, a group chat or a personal chat.</summary>
public static class WelcomeCard
{
    public const string Key = "teams-welcome";

    public static Card Build() => new(Key, CardKind.Welcome, "Hello, I'm CmBot")
    {
        Text = "I carry the community manager's routine here: drafts to approve, comments waiting for a reply, the weekly agenda and numbers.\n"
            + "- Type `help` to see what I can do.\n"
            + "- An admin types `brand link <name>` in the channel where a brand's cards should go.",
    };
}
