using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CmBot.Domain.Store;

/// <summary>
/// An EF compiled query, compiled once per model. EF binds a compiled query to the model of the first context that
/// runs it and refuses any other, and each provider has its own model: a process serves one store, but the tests run
/// SQLite and PostgreSQL side by side.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetOrAdd(db.Model, _ => compile());
}
