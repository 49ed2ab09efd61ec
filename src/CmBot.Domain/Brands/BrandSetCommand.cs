using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Brands;

/// <summary>`brand set timezone|language|deadline <value>`: the brand's clock, language and reply deadline. Admins only.</summary>
public sealed class BrandSetCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand set", "marque regler"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        BrandAccess.RequireAdmin(context, brand);
        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var value = parts.ElementAtOrDefault(1) ?? "";
        switch (parts.FirstOrDefault() is { } field ? CommandMatcher.Normalize(field) : "")
        {
            case "timezone" or "zone" or "fuseau":
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
                    throw new DomainException(context.L($"'{value}' is not a time zone I know; use an IANA name such as Europe/Paris.",
                        $"« {value} » n'est pas un fuseau que je connais ; utilisez un nom IANA comme Europe/Paris."));
                brand.TimeZoneId = value;
                break;
            case "language" or "langue":
                brand.Language = CommandMatcher.Normalize(value) switch
                {
                    "fr" or "french" or "francais" => Language.Fr,
                    "en" or "english" or "anglais" => Language.En,
                    _ => throw new DomainException(context.L("Language is `fr` or `en`.", "La langue est `fr` ou `en`.")),
                };
                break;
            case "deadline" or "delai":
                if (!int.TryParse(value, out var minutes) || minutes is < 5 or > 7 * 24 * 60)
                    throw new DomainException(context.L("The reply deadline is a number of minutes, from 5 to 10080.",
                        "Le délai de réponse est un nombre de minutes, de 5 à 10080."));
                brand.ReplyDeadlineMinutes = minutes;
                break;
            default:
                throw new DomainException(context.L("Usage: `brand set timezone <IANA zone>`, `brand set language fr|en`, `brand set deadline <minutes>`.",
                    "Usage : `marque régler fuseau <zone IANA>`, `marque régler langue fr|en`, `marque régler délai <minutes>`."));
        }
        await context.Db.SaveChangesAsync(cancellationToken);
        return [BotReply.Show(BrandCard.Build(brand))];
    }
}
