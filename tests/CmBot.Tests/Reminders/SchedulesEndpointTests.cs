using System.Globalization;
using System.Net;
using System.Text.Json;
using CmBot.Domain.Demo;
using CmBot.Hosting;

namespace CmBot.Tests.Reminders;

public sealed class SchedulesEndpointTests
{
    private const string Key = "correct horse battery staple";

    /// <summary>The worker schedules every brand on start; the list fills within a few seconds.</summary>
    private static async Task<JsonElement[]> SchedulesAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/api/schedules");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToArray();
            if (items.Any(i => i.GetProperty("job").GetString() == "agenda") || DateTime.UtcNow > deadline) return items;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Schedules_InDevelopment_ListEachJobsNextFire_WithTheBrandsOffset()
    {
        using var factory = new ReminderHostFactory("Development");

        var items = await SchedulesAsync(factory.CreateClient());

        var agenda = Assert.Single(items, i => i.GetProperty("job").GetString() == "agenda");
        Assert.Equal(DemoData.BrandName, agenda.GetProperty("brand").GetString());
        var text = agenda.GetProperty("nextFire").GetString()!;
        var next = DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.Equal(zone.GetUtcOffset(next), next.Offset);
        Assert.Equal((DayOfWeek.Monday, new TimeSpan(9, 30, 0)), (next.DayOfWeek, next.TimeOfDay));
        Assert.Contains(items, i => i.GetProperty("job").GetString() == "comment-deadlines");
    }

    [Fact]
    public async Task Schedules_OutsideDevelopment_WithoutTheKey_AreRefused()
    {
        using var factory = new ReminderHostFactory("Production", new() { ["Admin:ApiKey"] = Key });
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/schedules")).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/schedules") { Headers = { { ReminderHostingExtensions.AdminKeyHeader, "correct horse battery stapler" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Schedules_OutsideDevelopment_WithTheKey_AreListed()
    {
        using var factory = new ReminderHostFactory("Production", new() { ["Admin:ApiKey"] = Key });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ReminderHostingExtensions.AdminKeyHeader, Key);

        var items = await SchedulesAsync(client);

        Assert.Contains(items, i => i.GetProperty("job").GetString() == "agenda");
    }

    [Fact]
    public async Task Schedules_OutsideDevelopment_WithNoKeyConfigured_DoNotExist()
    {
        using var factory = new ReminderHostFactory("Production");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/schedules")).StatusCode);
    }
}
