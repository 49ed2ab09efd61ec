namespace CmBot.Api;

/// <summary>Who is calling the API: the brand of the key presented, and which key. Set by <see cref="ApiKeyFilter"/>.</summary>
public sealed record ApiCaller(int BrandId, int KeyId, string KeyName);
