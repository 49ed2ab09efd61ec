using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;

namespace CmBot.Domain.Tests.Drafts;

public sealed class NetworkNamesTests
{
    [Theory]
    [InlineData("x, linkedin", new[] { Network.X, Network.LinkedIn })]
    [InlineData("Twitter", new[] { Network.X })]
    [InlineData("twiter et Insta", new[] { Network.X, Network.Instagram })]
    [InlineData("linkdin", new[] { Network.LinkedIn })]
    [InlineData("Linked In; facebok", new[] { Network.Facebook, Network.LinkedIn })]
    [InlineData("X,LinkedIn", new[] { Network.X, Network.LinkedIn })]
    [InlineData("snap and pinterest", new[] { Network.Pinterest, Network.Snapchat })]
    public void Parse_ReadsNamesAliasesAndTypos(string typed, Network[] expected)
    {
        var (networks, unknown) = NetworkNames.Parse(typed, []);

        Assert.Equal(expected, networks);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Parse_All_MeansTheBrandsNetworks()
    {
        var (networks, _) = NetworkNames.Parse("tous", [Network.Instagram, Network.Facebook]);

        Assert.Equal([Network.Facebook, Network.Instagram], networks);
    }

    [Fact]
    public void Parse_ReportsWhatItDoesNotKnow()
    {
        var (networks, unknown) = NetworkNames.Parse("x, myspace", []);

        Assert.Equal([Network.X], networks);
        Assert.Equal(["myspace"], unknown);
    }
}
