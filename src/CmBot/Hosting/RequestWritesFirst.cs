using CmBot.Domain.Store;

namespace CmBot.Hosting;

/// <summary>Someone waits on every HTTP answer: its writes go before background work's (see <see cref="SqliteWriteGate"/>).</summary>
internal sealed class RequestWritesFirst : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, rest) =>
        {
            SqliteWriteGate.MarkUrgent();
            await rest(context);
        });
        next(app);
    };
}
