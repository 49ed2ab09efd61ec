using System.Text.Json.Nodes;

namespace CmBot.Tests.Reliability;

/// <summary>
/// Damages a JSON tree the ways peers and attackers do: a value of the wrong type at a random path, a missing field,
/// a huge string, an unknown type name, deep nesting. Each call applies one to three of them and names what it did.
/// </summary>
public sealed class JsonMutator(Random random)
{
    /// <summary>Fields that choose a code path: replaced by names no handler knows.</summary>
    private static readonly HashSet<string> TypeFields = ["type", "name", "field", "object", "verb", "item", "subtype", "callback_id", "action_id", "conversationType"];

    private static readonly string[] Tokens = ["", "message", "invoke", "typing", "event_callback", "block_actions", "view_submission",
        "shortcut", "comments", "feed", "x-unknown", "MESSAGE", "null", "help", "approve", "<@U07BOTUSR01> help", "\u0000", "🙂", "page"];

    public JsonNode? Mutate(JsonNode? root, List<string> applied)
    {
        for (var n = random.Next(1, 4); n > 0; n--) root = MutateOnce(root, applied);
        return root;
    }

    private JsonNode? MutateOnce(JsonNode? root, List<string> applied)
    {
        var spots = Spots(root);
        if (spots.Count == 0) { applied.Add("root-replaced"); return RandomValue(2); }
        var (parent, key, index) = spots[random.Next(spots.Count)];
        var current = key is not null ? ((JsonObject)parent)[key] : ((JsonArray)parent)[index];
        switch (random.Next(6))
        {
            case 0:
                applied.Add($"wrong-type {key ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                Set(parent, key, index, RandomValue(2));
                break;
            case 1:
                applied.Add($"missing {key ?? "item"}");
                if (key is not null) ((JsonObject)parent).Remove(key); else ((JsonArray)parent).RemoveAt(index);
                break;
            case 2:
                applied.Add($"huge {key}");
                Set(parent, key, index, JsonValue.Create(HugeString()));
                break;
            case 3:
                var typeSpots = spots.Where(s => s.Key is not null && TypeFields.Contains(s.Key)).ToList();
                if (typeSpots.Count == 0) goto case 0;
                var (p, k, _) = typeSpots[random.Next(typeSpots.Count)];
                applied.Add($"unknown {k}");
                ((JsonObject)p)[k!] = random.Next(3) == 0 ? "x-" + random.Next(1000) : Tokens[random.Next(Tokens.Length)];
                break;
            case 4:
                var depth = random.Next(10, 120);
                applied.Add($"nested {depth}");
                Set(parent, key, index, Nest(current?.DeepClone(), depth));
                break;
            default:
                applied.Add($"emptied {key}");
                Set(parent, key, index, random.Next(2) == 0 ? new JsonObject() : new JsonArray());
                break;
        }
        return root;
    }

    /// <summary>Up to 200 KB, usually much less: big ones are rare so the run stays fast.</summary>
    public string HugeString()
    {
        var length = random.Next(10) switch { < 7 => random.Next(1_000, 4_000), < 9 => random.Next(10_000, 50_000), _ => random.Next(100_000, 200_000) };
        var unit = random.Next(3) switch { 0 => "a", 1 => "é🙂", _ => "<@U1> \"\\\n" };
        return string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
    }

    public JsonNode? RandomValue(int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => JsonValue.Create(Tokens[random.Next(Tokens.Length)]),
        1 => JsonValue.Create(random.Next(3) switch { 0 => random.Next(), 1 => -1L, _ => long.MaxValue }),
        2 => JsonValue.Create(random.Next(2) == 0 ? 1e308 : -0.5),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => null,
        5 => JsonValue.Create("2026-11-21T09:00:00Z"),
        6 => new JsonObject { ["x"] = RandomValue(depth - 1), ["type"] = RandomValue(depth - 1) },
        7 => new JsonArray(RandomValue(depth - 1), RandomValue(depth - 1)),
        _ => new JsonObject(),
    };

    private JsonNode Nest(JsonNode? inner, int depth)
    {
        for (var i = 0; i < depth; i++) inner = random.Next(2) == 0 ? new JsonArray(inner) : new JsonObject { ["a"] = inner };
        return inner!;
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is not null) ((JsonObject)parent)[key] = value;
        else ((JsonArray)parent)[index] = value;
    }

    /// <summary>Every place a value sits: its parent and its key (objects) or index (arrays).</summary>
    private static List<(JsonNode Parent, string? Key, int Index)> Spots(JsonNode? root)
    {
        var spots = new List<(JsonNode, string?, int)>();
        var pending = new Stack<JsonNode?>([root]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject o:
                    foreach (var (k, v) in o) { spots.Add((o, k, -1)); pending.Push(v); }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) { spots.Add((a, null, i)); pending.Push(a[i]); }
                    break;
            }
        }
        return spots;
    }
}
