namespace CmBot.Slack;

/// <summary>
/// A Web API call that did not succeed: <see cref="Error"/> is Slack's error code ("channel_not_found"), or
/// "ratelimited", "http_5xx", "network". The message never holds a token.
/// </summary>
public sealed class SlackApiException(string method, string error, int? status = null, TimeSpan? retryAfter = null)
    : Exception($"{method}: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public int? Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsRateLimited => Error == "ratelimited";

    /// <summary>Worth trying again later: rate limits, Slack's own failures, the network.</summary>
    public bool IsTransient => Status >= 500 || Error is "network" or "timeout" or "internal_error" or "fatal_error"
        or "service_unavailable" or "request_timeout";
}
