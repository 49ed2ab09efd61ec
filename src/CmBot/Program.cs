using CmBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddRootDevelopmentSettings();
builder.AddCmBotLogging();
builder.AddCmBotDomain();
builder.Services.AddCmBotHealthChecks();

var app = builder.Build();

await app.PrepareStoreAsync();

app.MapCmBotHealth();
app.MapGet("/", () => Results.Text("CmBot is running. Health: /healthz"));

app.Run();

/// <summary>Visible to the host tests (WebApplicationFactory).</summary>
public partial class Program;
