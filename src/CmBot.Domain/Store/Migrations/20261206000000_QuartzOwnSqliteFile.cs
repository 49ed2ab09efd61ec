using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CmBot.Domain.Store.Migrations;

/// <summary>
/// On SQLite, Quartz keeps its job store in a file of its own (see <see cref="QuartzSqliteFile"/>), so the tables
/// <see cref="ReminderJobs"/> made in the product's file go. On PostgreSQL they stay: Quartz runs there, clustered.
/// </summary>
[DbContext(typeof(CmBotDb))]
[Migration(Id)]
public sealed class QuartzOwnSqliteFile : Migration
{
    public const string Id = "20261206000000_QuartzOwnSqliteFile";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        // Children first: the trigger detail tables reference QRTZ_TRIGGERS, which references QRTZ_JOB_DETAILS.
        foreach (var table in ReminderJobs.QuartzTables) migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        foreach (var statement in ReminderJobs.SqliteQuartzTables) migrationBuilder.Sql(statement);
    }
}
