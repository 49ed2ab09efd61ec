namespace CmBot.Tests.Reliability;

/// <summary>The fuzz keeps both cores busy for half a minute: run alone, so timing tests elsewhere are not starved.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
