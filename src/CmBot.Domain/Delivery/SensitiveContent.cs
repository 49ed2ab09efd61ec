using System.Text.Json;
using CmBot.Domain.Integrations;

namespace CmBot.Domain.Delivery;

/// <summary>
/// Keeps a secret shown once (a new API key, a webhook signing secret) out of the store in clear: the outbox row holds
/// it encrypted from the moment it is staged, the dispatcher decrypts it only to send it, then wipes it.
/// </summary>
/// <param name="protector">
/// The host's <see cref="ISecretProtector"/> registered under <see cref="ProtectorKey"/>, its own Data Protection purpose,
/// so no other kind of stored secret (a webhook's) can be passed off as a message and posted. Without one, a sensitive
/// message is refused rather than stored in clear.
/// </param>
public sealed class SensitiveContent(ISecretProtector? protector)
{
    public const string ProtectorKey = "CmBot.Delivery.SensitiveContent.v1";

    /// <summary>What the row stores for a sensitive message; it reads as an empty <see cref="OutboundContent"/> to anyone else.</summary>
    private sealed record Sealed(bool Sensitive, string? Protected);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How every <see cref="Sealed"/> serializes (fixed property order): told apart without parsing each message twice.</summary>
    private const string SealedStart = "{\"sensitive\":true,\"protected\":";

    /// <summary>The <see cref="OutboxMessage.Content"/> to store: the JSON of the content, encrypted when it is sensitive.</summary>
    public string Seal(OutboundContent content)
    {
        if (!content.Sensitive) return content.ToJson();
        var sealer = protector ?? throw new InvalidOperationException(
            $"A message holding a secret cannot be stored: no {nameof(ISecretProtector)} is registered under '{ProtectorKey}'.");
        return JsonSerializer.Serialize(new Sealed(true, sealer.Protect(content.ToJson())), Json);
    }

    /// <summary>The content to send, decrypted if it was sealed.</summary>
    /// <exception cref="DeliveryException">Rejected: the keys that sealed it are gone, so no retry can help.</exception>
    public OutboundContent Open(string stored)
    {
        if (!stored.StartsWith(SealedStart, StringComparison.Ordinal) || JsonSerializer.Deserialize<Sealed>(stored, Json) is not { Protected: { } sealedJson })
            return OutboundContent.FromJson(stored);
        try
        {
            var opener = protector ?? throw new InvalidOperationException($"no {nameof(ISecretProtector)} registered");
            return OutboundContent.FromJson(opener.Unprotect(sealedJson));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Never the exception's message: a failed decryption must not echo any of what it was given.
            throw new DeliveryException(DeliveryFailure.Rejected, "a sealed secret message cannot be decrypted (data protection keys lost or not configured)");
        }
    }

    /// <summary>Once delivered, a sensitive message keeps only a note that it was sent; nothing of the secret, even encrypted.</summary>
    public static void Wipe(OutboxMessage message) => message.Content = OutboundContent.Wiped.ToJson();
}
