namespace CmBot.Domain.Store;

public sealed class StoreOptions
{
    /// <summary>"Sqlite" (embedded, the default) or "PostgreSQL" (several instances).</summary>
    public string Provider { get; set; } = "Sqlite";

    public string ConnectionString { get; set; } = "Data Source=data/cmbot.db";

    public bool IsPostgres => Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
}
