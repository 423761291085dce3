namespace FactoryPath.Web.Demands;

/// <summary>A provider a demand was matched to: the demand appears in that provider's inbox.</summary>
public sealed class DemandRecipient
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DemandId { get; set; }
    public Guid ProviderId { get; set; }
    /// <summary>The match score when the demand was sent; higher is a better fit.</summary>
    public double Score { get; set; }
    /// <summary>"Why this match" as the provider sees it, in both languages.</summary>
    public string ReasonZh { get; set; } = "";
    public string ReasonEn { get; set; } = "";
    public DateTime MatchedAt { get; set; } = DateTime.UtcNow;
    public DateTime? ReadAt { get; set; }
}
