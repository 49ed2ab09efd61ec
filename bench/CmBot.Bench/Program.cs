using CmBot.Bench;

// bench: measures CmBot against a bare Kestrel endpoint in the same run and prints the ratios,
// then the `numbers` command on a brand with a million metric samples and a million comments.
//   dotnet run -c Release --project bench/CmBot.Bench -- [--seconds 10] [--rate 200]
//   dotnet run -c Release --project bench/CmBot.Bench -- numbers [--runs 200]   (the numbers phase alone)
// Internal modes (started by the bench itself as separate processes):
//   connector PORT   a fake Teams connector / Slack Web API that answers at once and counts calls
//   baseline PORT CONNECTOR_PORT   the bare endpoint: parse the activity, one outbound POST, 200
return args.FirstOrDefault() switch
{
    "connector" => await FakePeer.RunAsync(int.Parse(args[1])),
    "baseline" => await Baseline.RunAsync(int.Parse(args[1]), int.Parse(args[2])),
    "numbers" => await NumbersLoad.RunAsync(int.Parse(args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() ?? "200")),
    // The HTTP phases first, their child processes gone before the numbers phase starts.
    _ => Math.Max(await Bench.RunAsync(Options.Parse(args)), await NumbersLoad.RunAsync()),
};
