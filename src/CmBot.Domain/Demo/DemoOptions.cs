namespace CmBot.Domain.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo brand into an empty store on start (development only).</summary>
    public bool Seed { get; set; }
}
