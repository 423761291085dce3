using FactoryPath.Web.Demands;

namespace FactoryPath.Web.Matching;

/// <summary>Finds the providers a posted demand should reach, best first, each with its reason in both languages.</summary>
public interface IDemandMatcher
{
    Task<IReadOnlyList<ProviderMatch>> MatchProvidersAsync(Demand demand, int top, CancellationToken ct = default);
}

public sealed record ProviderMatch(Guid ProviderId, double Score, string ReasonZh, string ReasonEn);
