using System.Text.Json.Nodes;

namespace CmBot.Slack;

/// <summary>
/// Opens a card button's form as a modal with views.open, at once: the trigger_id dies 3 s after the click.
/// What cannot be opened is said to the clicker through the response_url, never silently dropped.
/// </summary>
public sealed class SlackModalOpener(
    IServiceScopeFactory scopes,
    SlackTokens tokens,
    SlackWebApi api,
    SlackWorkQueue work,
    ILogger<SlackModalOpener> logger)
{
    public sealed record Place(string Channel, string? MessageTs, string? ThreadTs, string? Team, string? ResponseUrl);

    public async Task OpenAsync(string? triggerId, SlackActionCodec.Decoded decoded, Place place, CancellationToken cancellationToken)
    {
        if (triggerId is null) throw new SlackPayloadException("block_actions without trigger_id");
        var click = decoded.Click;
        Domain.Cards.Card? card = null;
        if (place.MessageTs is { } ts)
        {
            await using var scope = scopes.CreateAsyncScope();
            card = await scope.ServiceProvider.GetRequiredService<SlackCardLookup>().FindAsync(place.Channel, ts, cancellationToken);
        }
        var action = card is null ? null : SlackCardLookup.ActionOf(card, click.Verb, decoded.Position);
        if (action is null || action.Inputs.Count == 0)
        {
            Tell(place, "This card has changed since it was posted; ask me again for the latest one.");
            return;
        }
        var metadata = new SlackModalMetadata(click.Verb, click.Data, place.Channel, place.MessageTs, place.ThreadTs, place.Team).Serialize();
        if (metadata is null)
        {
            logger.LogError("The form of {Verb} carries too much data for a Slack modal", click.Verb);
            Tell(place, "Sorry, this form cannot be opened in Slack.");
            return;
        }
        if (await tokens.ForTeamAsync(place.Team, cancellationToken) is not { } token)
        {
            logger.LogError("No Slack bot token for workspace {Team}: cannot open a modal", place.Team);
            return;
        }
        try
        {
            await api.OpenViewAsync(token, triggerId, SlackModal.Build(action, metadata, card!.Title), cancellationToken);
        }
        catch (SlackApiException failure)
        {
            logger.LogWarning("views.open failed for {Verb}: {Error}", click.Verb, failure.Error);
            Tell(place, "Sorry, I couldn't open the form in time; please click again.");
        }
    }

    private void Tell(Place place, string text)
    {
        if (place.ResponseUrl is not { } url) return;
        var body = new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = text };
        work.Enqueue("ephemeral notice", (_, ct) => api.RespondAsync(url, body, ct));
    }
}
