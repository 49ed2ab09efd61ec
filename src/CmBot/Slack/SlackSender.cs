using System.Text.Json.Nodes;
using CmBot.Domain.Delivery;

namespace CmBot.Slack;

/// <summary>
/// The outbox's way into Slack: chat.postMessage / chat.update / chat.delete with the conversation's workspace
/// token, paced per channel, each failure turned into the <see cref="DeliveryException"/> the dispatcher acts on.
/// </summary>
public sealed class SlackSender(SlackWebApi api, SlackTokens tokens, SlackPacer pacer, SlackResponseUrls responseUrls,
    SlackWorkQueue work, ILogger<SlackSender> logger) : IChannelSender
{
    /// <summary>Errors meaning the bot cannot write in that conversation any more.</summary>
    private static readonly HashSet<string> Gone =
        ["channel_not_found", "is_archived", "not_in_channel", "channel_is_archived", "restricted_action", "cannot_dm_bot", "user_disabled"];

    public string Channel => SlackTokens.Channel;

    public bool CanPostNow(string conversationId) => pacer.IsFree(conversationId);

    public async Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(conversationId, cancellationToken);
        var (text, blocks) = Render(content);
        await pacer.WaitTurnAsync(conversationId, cancellationToken);
        var result = await CallAsync("chat.postMessage", conversationId, () => api.PostMessageAsync(token, conversationId, threadId, text, blocks, cancellationToken));
        return result.GetProperty("ts").GetString() ?? throw new DeliveryException(DeliveryFailure.Transient, "chat.postMessage returned no ts");
    }

    public async Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(conversationId, cancellationToken);
        var (text, blocks) = Render(content);
        await CallAsync("chat.update", conversationId, () => api.UpdateAsync(token, conversationId, messageId, text, blocks, cancellationToken));
    }

    public async Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(conversationId, cancellationToken);
        await CallAsync("chat.delete", conversationId, () => api.DeleteAsync(token, conversationId, messageId, cancellationToken));
    }

    /// <summary>A card as blocks with its fallback text; plain text as escaped mrkdwn (mentions as Slack mentions).</summary>
    public static (string Text, JsonArray? Blocks) Render(OutboundContent content)
    {
        if (content.Card is { } card) return (BlockKitRenderer.FallbackText(card), BlockKitRenderer.Render(card));
        var text = SlackText.EscapeAndTrim(content.Text ?? "", BlockKitLimits.MessageText);
        foreach (var person in content.Mentions)
            text = text.Replace("@" + SlackText.Escape(person.Name), $"<@{person.Id}>");
        return (text, null);
    }

    private async Task<string> TokenAsync(string conversationId, CancellationToken cancellationToken) =>
        await tokens.ForConversationAsync(conversationId, cancellationToken)
        ?? throw new DeliveryException(DeliveryFailure.Rejected, "no Slack bot token for this conversation's workspace (set Slack:BotToken or install the app)");

    private async Task<System.Text.Json.JsonElement> CallAsync(string method, string conversationId, Func<Task<System.Text.Json.JsonElement>> call)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException failure)
        {
            throw Map(method, conversationId, failure);
        }
    }

    private DeliveryException Map(string method, string conversationId, SlackApiException failure)
    {
        if (failure.IsRateLimited) return new DeliveryException(DeliveryFailure.Throttled, $"{method}: ratelimited", failure.RetryAfter);
        if (failure.IsTransient) return new DeliveryException(DeliveryFailure.Transient, $"{method}: {failure.Error}");
        if (Gone.Contains(failure.Error))
        {
            if (failure.Error == "not_in_channel") NotInChannel(conversationId);
            else
            {
                logger.LogWarning("Slack {Method} to {Channel} refused with {Error}: the bot cannot post there", method, conversationId, failure.Error);
                Tell(conversationId, $"I can't post in this conversation ({failure.Error}). Talk to me in a channel I'm in, or in a direct message.");
            }
            return new DeliveryException(DeliveryFailure.ConversationGone, $"{method}: {failure.Error}");
        }
        logger.LogError("Slack {Method} to {Channel} refused with {Error}", method, conversationId, failure.Error);
        return new DeliveryException(DeliveryFailure.Rejected, $"{method}: {failure.Error}");
    }

    /// <summary>The bot was never invited: a person can fix it, so say how where they will see it.</summary>
    private void NotInChannel(string conversationId)
    {
        logger.LogWarning("CmBot is not a member of Slack channel {Channel}: invite it there (/invite @CmBot) so its messages can be posted", conversationId);
        Tell(conversationId, $"I can't post in <#{conversationId}> yet: invite me with `/invite @CmBot` in <#{conversationId}>, then try again.");
    }

    /// <summary>Only the person who just asked here can be told (through their response_url), and only them.</summary>
    private void Tell(string conversationId, string text)
    {
        if (responseUrls.Take(conversationId) is not { } url) return;
        var notice = new JsonObject { ["response_type"] = "ephemeral", ["text"] = text };
        work.Enqueue("cannot-post notice", (_, ct) => api.RespondAsync(url, notice, ct));
    }
}
