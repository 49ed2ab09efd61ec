namespace CmBot.Domain.Routines;

public enum Cadence { Daily, Weekly, Monthly, Quarterly }
