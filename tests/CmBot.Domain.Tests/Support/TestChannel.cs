using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Support;

/// <summary>
/// An in-memory chat conversation, the way Bot Framework's test adapter drives a bot: type a message
/// or click a card's button as someone, then read what the bot answered. Cards are kept by key, so a
/// card updated in place shows its new state wherever it was posted.
/// </summary>
public sealed class TestChannel : IDisposable
{
    private readonly TestStore store;
    private readonly ConversationOptions options;
    private readonly Action<IServiceCollection>? extra;
    private ServiceProvider services;
    private readonly List<BotReply> transcript = [];

    /// <param name="extra">Services the host would add (e.g. an attachment reader), registered after the domain's.</param>
    public TestChannel(TestStore store, ManualClock clock, string conversationId = "room-1", ConversationOptions? options = null, Action<IServiceCollection>? extra = null)
    {
        this.store = store;
        this.extra = extra;
        Clock = clock;
        Where = new ChatAddress("test", conversationId);
        this.options = options ?? new ConversationOptions();
        services = Build();
    }

    public ManualClock Clock { get; }
    public ChatAddress Where { get; }

    /// <summary>Every card posted here, in its latest state.</summary>
    public Dictionary<string, Card> Cards { get; } = [];

    /// <summary>What the bot answered to the last input.</summary>
    public IReadOnlyList<BotReply> Last { get; private set; } = [];

    public IEnumerable<string> Texts => transcript.OfType<TextReply>().Select(t => t.Text);

    public string LastText => Last.OfType<TextReply>().Select(t => t.Text).LastOrDefault()
        ?? throw new InvalidOperationException("The bot answered no text: " + string.Join(", ", Last));

    public Card LastCard => Last.Select(r => r switch { CardReply c => c.Card, CardUpdate u => u.Card, _ => null })
        .LastOrDefault(c => c is not null) ?? throw new InvalidOperationException("The bot answered no card: " + string.Join(", ", Last));

    public Task<IReadOnlyList<BotReply>> Say(ChatUser who, string text) => Send(new ChatInput(Where, who, Text: text));

    /// <summary>A message with files attached, as an adapter hands it over (the text may be empty).</summary>
    public Task<IReadOnlyList<BotReply>> Say(ChatUser who, string text, params ChatAttachment[] files) =>
        Send(new ChatInput(Where, who, Text: text) { Attachments = files });

    /// <summary>Clicks the button labelled <paramref name="label"/> on the card, filling its form with <paramref name="inputs"/>.</summary>
    public Task<IReadOnlyList<BotReply>> Click(ChatUser who, Card card, string label, IDictionary<string, string>? inputs = null)
    {
        var action = card.AllActions.FirstOrDefault(a => a.Label == label)
            ?? throw new InvalidOperationException($"No '{label}' on card {card.Key}; it has: {string.Join(", ", card.AllActions.Select(a => a.Label))}");
        var data = new Dictionary<string, string>(action.Data);
        foreach (var input in action.Inputs.Where(i => i.Value is not null)) data[input.Id] = input.Value!;
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>()) data[key] = value;
        return Send(new ChatInput(Where, who, Click: new CardClick(action.Verb, data)));
    }

    /// <summary>Closes every context and builds the services anew on the same database, as a restarted host would.</summary>
    public void Restart()
    {
        services.Dispose();
        services = Build();
    }

    public async Task<IReadOnlyList<BotReply>> Send(ChatInput input)
    {
        using var scope = services.CreateScope();
        var replies = await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input);
        foreach (var reply in replies)
        {
            if (reply is CardReply posted) Cards[posted.Card.Key] = posted.Card;
            if (reply is CardUpdate updated) Cards[updated.Card.Key] = updated.Card;
        }
        transcript.AddRange(replies);
        Last = replies;
        return replies;
    }

    /// <summary>Runs something against the store with a fresh context, e.g. to arrange data or check it.</summary>
    public T WithDb<T>(Func<CmBotDb, T> work)
    {
        using var db = store.NewDb();
        return work(db);
    }

    private ServiceProvider Build()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddCmBotDomain();
        collection.AddSingleton(Options.Create(store.Options));
        collection.AddSingleton(Options.Create(options));
        TestSecretProtector.AddTo(collection);
        extra?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public void Dispose() => services.Dispose();
}
