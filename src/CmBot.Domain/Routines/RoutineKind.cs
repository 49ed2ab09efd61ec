namespace CmBot.Domain.Routines;

/// <summary>The chores of the CM routine (DESIGN.md). The first two are on by default.</summary>
public enum RoutineKind
{
    InfluencerContact,
    AboutReview,
    AdCheck,
    BrandWatch,
    EditorialCalendar,
    BlogPost,
    Dashboard,
    StrategyReview,
    HeaderImages,
}
