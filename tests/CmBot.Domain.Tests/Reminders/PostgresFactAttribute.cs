namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// A fact that needs a real PostgreSQL server: skipped, saying why, unless CMBOT_TEST_POSTGRES holds a
/// connection string (tests/postgres.sh start prints one).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CMBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            Skip = $"{Variable} is not set: start a server with `eval \"$(tests/postgres.sh start)\"` to run the clustered test.";
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
