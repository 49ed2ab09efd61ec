using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Brands;

public sealed class BrandCommandTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly TestChannel chat;

    public BrandCommandTests() => chat = new TestChannel(store, ManualClock.Default());

    [Fact]
    public async Task Command_InAnUnlinkedConversation_ExplainsHowToLinkABrand()
    {
        await chat.Say(Ana, "brand set deadline 30");

        Assert.Contains("brand link", chat.LastText);
    }

    [Fact]
    public async Task BrandNew_CreatesABrandLinkedHere_WithItsCreatorAsAdmin()
    {
        await chat.Say(Ana, "brand new Acme");
        await chat.Say(Ana, "brand");

        Assert.Equal("Acme", chat.LastCard.Title);
        Assert.Contains(chat.LastCard.Facts, f => f.Label == "Admins" && f.Value == "Ana");
    }

    [Fact]
    public async Task BrandNew_WithATakenName_IsRefused()
    {
        await chat.Say(Ana, "brand new Acme");
        await chat.Say(Bob, "brand new Acme");

        Assert.Contains("already exists", chat.LastText);
    }

    [Fact]
    public async Task BrandLink_ByANonAdmin_IsRefused()
    {
        chat.WithDb(db => new BrandBuilder("Globex").WithAdmin(Ana).SaveIn(db));

        await chat.Say(Bob, "brand link Globex");

        Assert.Contains("Only Globex's admins", chat.LastText);
        Assert.False(chat.WithDb(db => db.BrandChannels.Any()));
    }

    [Fact]
    public async Task BrandLink_ByAnAdmin_MakesTheConversationServeTheBrand()
    {
        chat.WithDb(db => new BrandBuilder("Globex").WithAdmin(Ana).SaveIn(db));

        await chat.Say(Ana, "brand link Globex");
        await chat.Say(Bob, "brand");

        Assert.Equal("Globex", chat.LastCard.Title);
    }

    [Fact]
    public async Task BrandSet_ChangesTimeZoneLanguageAndDeadline()
    {
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).LinkedTo("test", "room-1").SaveIn(db));

        await chat.Say(Ana, "brand set timezone America/Montreal");
        await chat.Say(Ana, "brand set deadline 45");
        await chat.Say(Ana, "brand set language fr");

        var brand = chat.WithDb(db => db.Brands.Single());
        Assert.Equal(("America/Montreal", 45, Language.Fr), (brand.TimeZoneId, brand.ReplyDeadlineMinutes, brand.Language));
        Assert.Equal("Réglages de la marque", chat.LastCard.Subtitle);
    }

    [Fact]
    public async Task BrandSet_WithAnUnknownTimeZone_IsRefusedAndChangesNothing()
    {
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).LinkedTo("test", "room-1").SaveIn(db));

        await chat.Say(Ana, "brand set timezone Mars/Olympus");

        Assert.Contains("not a time zone", chat.LastText);
        Assert.Equal("Europe/Paris", chat.WithDb(db => db.Brands.Single().TimeZoneId));
    }

    [Fact]
    public async Task BrandApproverAdd_ByMention_MakesThePersonAnApprover()
    {
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).LinkedTo("test", "room-1").SaveIn(db));

        await chat.Send(new ChatInput(chat.Where, Ana, Text: "brand approver add @Bob") { Mentions = [Bob] });

        Assert.True(chat.WithDb(db => db.BrandMembers.Single(m => m.UserId == Bob.Id).IsApprover));
    }

    [Fact]
    public async Task BrandSettings_ByANonAdmin_AreRefused()
    {
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).LinkedTo("test", "room-1").SaveIn(db));

        await chat.Send(new ChatInput(chat.Where, Bob, Text: "brand admin add me"));

        Assert.Contains("Only Acme's admins", chat.LastText);
        Assert.False(chat.WithDb(db => db.BrandMembers.Any(m => m.UserId == Bob.Id)));
    }

    [Fact]
    public async Task BrandAdminRemove_OfTheLastAdmin_IsRefused()
    {
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).LinkedTo("test", "room-1").SaveIn(db));

        await chat.Say(Ana, "brand admin remove me");

        Assert.Contains("at least one admin", chat.LastText);
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
