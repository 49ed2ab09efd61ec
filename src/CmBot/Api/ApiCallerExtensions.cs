namespace CmBot.Api;

public static class ApiCallerExtensions
{
    /// <summary>The caller <see cref="ApiKeyFilter"/> authenticated; every /api endpoint has one.</summary>
    public static ApiCaller Caller(this HttpContext http) =>
        http.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("No API caller: the endpoint is outside the /api group.");
}
