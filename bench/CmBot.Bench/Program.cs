using CmBot.Bench;

// bench: measures CmBot against a bare Kestrel endpoint in the same run and prints the ratios.
//   dotnet run -c Release --project bench/CmBot.Bench -- [--seconds 10] [--rate 200]
// Internal modes (started by the bench itself as separate processes):
//   connector PORT   a fake Teams connector / Slack Web API that answers at once and counts calls
//   baseline PORT CONNECTOR_PORT   the bare endpoint: parse the activity, one outbound POST, 200
return args.FirstOrDefault() switch
{
    "connector" => await FakePeer.RunAsync(int.Parse(args[1])),
    "baseline" => await Baseline.RunAsync(int.Parse(args[1]), int.Parse(args[2])),
    _ => await Bench.RunAsync(Options.Parse(args)),
};
