using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace CmBot.Tests.Slack;

/// <summary>The sample payloads kept beside these tests (our own copies), read from the source tree.</summary>
public static class Samples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder(), "Samples", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Read(name))!.AsObject();

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
