namespace CmBot.Domain.Drafts;

public enum DraftState { Pending, Approved, ChangesRequested, Rejected, Published }
