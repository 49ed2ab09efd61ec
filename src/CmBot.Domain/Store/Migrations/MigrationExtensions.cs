using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CmBot.Domain.Store.Migrations;

/// <summary>Helpers that keep one hand-written migration valid for SQLite and PostgreSQL.</summary>
internal static class MigrationExtensions
{
    /// <summary>A database-generated key; each provider reads its own annotation and ignores the other's.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
