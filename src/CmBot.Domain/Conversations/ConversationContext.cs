using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Store;

namespace CmBot.Domain.Conversations;

/// <summary>Everything a command, a click handler or a dialog step needs to answer one input.</summary>
public sealed class ConversationContext(ChatInput input, Brand? brand, CmBotDb db, TimeProvider clock)
{
    public ChatInput Input { get; } = input;
    public ChatUser User => Input.Who;
    public CmBotDb Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public DateTimeOffset Now => Clock.GetUtcNow();
    public bool HasBrand => brand is not null;

    /// <summary>The CSV files attached to the input, already fetched (or why not).</summary>
    public IReadOnlyList<AttachedFile> Files { get; init; } = [];

    /// <summary>The brand this conversation serves; a conversation without one is told how to link it.</summary>
    public Brand Brand => brand ?? throw new DomainException(
        "This conversation is not linked to a brand yet. An admin can type `brand link <name>` (or `brand new <name>`).");

    public Language Language => brand?.Language ?? Language.En;

    public BrandTime Time => Brand.Time(Clock);

    /// <summary>The phrase in the brand's language.</summary>
    public string L(string en, string fr) => Language.Pick(en, fr);

    /// <summary>The dialog under way for this person here, if any; set it to start one, null it to end it.</summary>
    public DialogState? Dialog { get; set; }

    public DialogState BeginDialog(string name) => Dialog = new DialogState
    {
        Channel = Input.Where.Channel,
        ConversationId = Input.Where.ConversationId,
        UserId = User.Id,
        Dialog = name,
        UpdatedAt = Now,
    };
}
