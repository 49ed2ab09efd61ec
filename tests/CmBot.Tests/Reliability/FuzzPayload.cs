namespace CmBot.Tests.Reliability;

/// <summary>One generated request: where it goes, its bytes and content type, and the damage done (for the report).</summary>
public sealed record FuzzPayload(string Path, byte[] Body, string? ContentType, string Damage);
