using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Drafts;

public sealed class NetworkLimitsTests
{
    private readonly Brand brand = new BrandBuilder().Build();

    [Theory]
    [InlineData(Network.X, 280)]
    [InlineData(Network.LinkedIn, 3000)]
    [InlineData(Network.Instagram, 2200)]
    [InlineData(Network.Pinterest, 500)]
    [InlineData(Network.Facebook, 63206)]
    [InlineData(Network.Snapchat, 250)]
    public void Create_AtTheLimit_IsAccepted_AndOneMoreIsRefused(Network network, int limit)
    {
        var fits = new DraftBuilder(brand).For(network).WithText(new string('a', limit)).Build();
        var refused = Assert.Throws<DomainException>(() => new DraftBuilder(brand).For(network).WithText(new string('a', limit + 1)).Build());

        Assert.Equal(limit, fits.Text.Length);
        Assert.Contains($"Too long for {network}", refused.Message);
    }

    [Fact]
    public void Create_XWith281Characters_IsRefusedNamingXTheLengthAndTheLimit()
    {
        var refused = Assert.Throws<DomainException>(() =>
            new DraftBuilder(brand).For(Network.LinkedIn, Network.X).WithText(new string('a', 281)).Build());

        Assert.Equal("Too long for X: 281 characters, the limit is 280.", refused.Message);
    }

    [Fact]
    public void Problem_NamesTheTightestNetwork_InFrenchWithFrenchNumbers()
    {
        var problem = NetworkLimits.Problem(new string('a', 3001), [Network.Facebook, Network.LinkedIn], Language.Fr);

        // French groups thousands with the culture's own space, whichever ICU picks.
        var space = CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberGroupSeparator;
        Assert.Equal($"Trop long pour LinkedIn : 3{space}001 caractères, la limite est de 3{space}000.", problem);
    }

    [Fact]
    public void Length_CountsWhatPeopleSee_AnAccentedLetterOrAFlagOnce() =>
        Assert.Equal(3, NetworkLimits.Length("e\u0301t\U0001F1EB\U0001F1F7"));
}
