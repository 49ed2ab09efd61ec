namespace CmBot.Api;

/// <summary>Who is calling the API: the brand of the key presented, and which key. Set by <see cref="ApiKeyFilter"/>.</summary>
public sealed record ApiCaller(int BrandId, int KeyId, string KeyName);

public static class ApiCallerExtensions
{
    public static ApiCaller Caller(this HttpContext http) =>
        http.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("No API caller: the endpoint is outside the /api group.");
}
