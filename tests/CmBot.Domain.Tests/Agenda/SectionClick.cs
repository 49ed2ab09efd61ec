using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Agenda;

/// <summary>
/// Clicks a button of one section of a card: TestChannel.Click finds the first button with a label, and
/// the agenda and the About review have one "Mark discussed" / "Reviewed" per section.
/// </summary>
internal static class SectionClick
{
    public static Task<IReadOnlyList<BotReply>> ClickIn(this TestChannel chat, ChatUser who, Card card, string sectionTitle, string label)
    {
        var section = card.Sections.FirstOrDefault(s => s.Title == sectionTitle)
            ?? throw new InvalidOperationException($"No section '{sectionTitle}' on card {card.Key}.");
        var action = section.Actions.FirstOrDefault(a => a.Label == label)
            ?? throw new InvalidOperationException($"No '{label}' in section '{sectionTitle}' of card {card.Key}.");
        return chat.Send(new ChatInput(chat.Where, who, Click: new CardClick(action.Verb, action.Data)));
    }
}
