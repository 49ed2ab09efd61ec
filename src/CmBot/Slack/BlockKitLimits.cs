namespace CmBot.Slack;

/// <summary>The limits Slack's API enforces on Block Kit (slack.md §6); the renderer keeps within them.</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int Fields = 10;
    public const int FieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int Options = 100;
    public const int InputLabel = 2000;
    public const int InputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;
    /// <summary>Slack truncates message text at 40,000 characters and recommends 4,000.</summary>
    public const int MessageText = 4000;
}
