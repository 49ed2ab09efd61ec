namespace CmBot.Domain.Common;

public enum Language { En, Fr }

public static class LanguageExtensions
{
    /// <summary>Picks the phrase for the brand's language; every user-facing string goes through here.</summary>
    public static string Pick(this Language language, string en, string fr) => language == Language.Fr ? fr : en;
}
