using CmBot.Bench;

// bench: measures CmBot against a bare Kestrel endpoint in the same run and prints the ratios, then the fan-out.
//   dotnet run -c Release --project bench/CmBot.Bench -- [--seconds 10] [--rate 200]
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
    _ => await RunAllAsync(Options.Parse(args)),
};

// The fan-out runs its own CmBot once the HTTP phases' processes are gone, so nothing else loads the machine.
static async Task<int> RunAllAsync(Options options)
{
    await Bench.RunAsync(options);
    return await FanOut.RunAndPrintAsync(options);
}
