namespace CmBot.Domain.Brands;

/// <summary>A chat user with a role in a brand's team.</summary>
public sealed class BrandMember
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public bool IsApprover { get; set; }
    public bool IsAdmin { get; set; }
    /// <summary>Mentioned when a comment's reply deadline passes.</summary>
    public bool IsOnDuty { get; set; }
}
