using CmBot.Api;
using CmBot.Hosting;
using CmBot.Slack;
using CmBot.Teams;

// Settings are read once, at start: watching them for changes would watch the whole content root, where the SQLite
// store lives (data/), and wake on every commit. The command line can still turn it back on.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);

builder.AddRootDevelopmentSettings();
builder.AddRequestLimits();
builder.AddCmBotLogging();
builder.AddCmBotDomain();
builder.AddCmBotDataProtection();
builder.AddOutboxWorker();
builder.AddReminders();
builder.AddTeams();
builder.AddSlack();
builder.AddDataIn();
builder.Services.AddCmBotHealthChecks();

var app = builder.Build();

await app.PrepareStoreAsync();

app.MapCmBotHealth();
app.MapTeams();
app.MapSlack();
app.MapSchedules();
app.MapDataIn();
app.MapGet("/", () => Results.Text("CmBot is running. Health: /healthz"));

app.Run();

/// <summary>Visible to the host tests (WebApplicationFactory).</summary>
public partial class Program;
