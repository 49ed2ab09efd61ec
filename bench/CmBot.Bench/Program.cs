using CmBot.Bench;

// bench: measures CmBot against a bare Kestrel endpoint in the same run and prints the ratios, then the fan-out,
// then the `numbers` command on a brand with a million metric samples and a million comments.
//   dotnet run -c Release --project bench/CmBot.Bench -- [--seconds 10] [--rate 200]
//   dotnet run -c Release --project bench/CmBot.Bench -- http [--seconds 10]     (the HTTP phases alone)
//   dotnet run -c Release --project bench/CmBot.Bench -- numbers [--runs 200]   (the numbers phase alone)
// Internal modes (started by the bench itself as separate processes):
//   connector PORT   a fake Teams connector / Slack Web API that answers at once and counts calls
//   baseline PORT CONNECTOR_PORT   the bare endpoint: parse the activity, one outbound POST, 200
//   limited-connector PORT   a fake Teams connector enforcing the documented rate limits (429 past them)
// The fan-out phase alone (the weekly agenda to 1,000 Teams channels), after building CmBot in Release:
//   dotnet run -c Release --project bench/CmBot.Bench -- fanout
return args.FirstOrDefault() switch
{
    "connector" => await FakePeer.RunAsync(int.Parse(args[1])),
    "limited-connector" => await LimitedConnector.RunAsync(int.Parse(args[1])),
    "fanout" => await FanOut.RunAndPrintAsync(Options.Parse(args[1..])),
    "baseline" => await Baseline.RunAsync(int.Parse(args[1]), int.Parse(args[2])),
    "http" => await Bench.RunAsync(Options.Parse(args[1..])),
    "numbers" => await NumbersLoad.RunAsync(int.Parse(args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() ?? "200")),
    _ => await RunAllAsync(Options.Parse(args)),
};

// Each phase starts once the previous one's processes are gone, so nothing else loads the machine.
static async Task<int> RunAllAsync(Options options)
{
    var failed = await Bench.RunAsync(options);
    failed = Math.Max(failed, await FanOut.RunAndPrintAsync(options));
    return Math.Max(failed, await NumbersLoad.RunAsync());
}
