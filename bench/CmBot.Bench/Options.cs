namespace CmBot.Bench;

public sealed record Options(int Seconds, int Rate, int Concurrency, int WarmUpSeconds, string BotBinary)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var root = FindRoot();
        var binary = Value("bot") ?? Path.Combine(root, "src", "CmBot", "bin", "Release", "net10.0", "CmBot.dll");
        return new Options(
            int.Parse(Value("seconds") ?? "10"),
            int.Parse(Value("rate") ?? "200"),
            int.Parse(Value("concurrency") ?? "32"),
            // Long enough for the JIT's tiered compilation to settle on both sides: 12 s into CmBot's load, its tier-1
            // recompiles still took 11 % of its CPU (perf, 2026-11-22).
            int.Parse(Value("warmup") ?? "15"),
            binary);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CmBot.sln"))) return folder.FullName;
        throw new InvalidOperationException("CmBot.sln not found");
    }
}
