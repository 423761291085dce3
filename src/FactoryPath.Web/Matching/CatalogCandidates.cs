using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;
using FactoryPath.Web.Catalog;

namespace FactoryPath.Web.Matching;

/// <summary>Turns catalog rows into what the matching engine indexes: the searchable text and the facts ranking weighs.</summary>
public static class CatalogCandidates
{
    public static string Key(Guid id) => id.ToString("D");

    public static (CandidateText, CandidateFacts) Solution(Solution s, Provider provider, IEnumerable<DemonstrationCase> cases, ScenarioLibrary library) =>
        (CandidateTexts.Compose(s.TitleZh, s.TitleEn, s.DescriptionZh, s.DescriptionEn, s.Scenarios, library, provider.Name, provider.Name),
         new CandidateFacts
         {
             Id = Key(s.Id),
             Kind = SearchDocumentKinds.Solution,
             ProviderId = Key(s.ProviderId),
             Title = new LocalizedTitle(s.TitleZh, s.TitleEn),
             Scenarios = s.Scenarios,
             Industries = s.Industries,
             SizeClasses = s.SizeClasses,
             RegionsServed = provider.RegionsServed,
             Deployment = s.Deployment,
             PriceMinCny = s.PriceMinCny,
             PriceMaxCny = s.PriceMaxCny,
             ImplementationWeeks = s.ImplementationWeeks,
             Standardised = s.Standardised,
             ProviderRating = provider.Rating,
             ProviderRatedProjects = provider.RatedProjects,
             Cases = cases.Select(c => new CaseFact(c.IndustryCode, c.Scenarios)).ToList(),
         });

    public static (CandidateText, CandidateFacts) Provider(Provider p, IEnumerable<DemonstrationCase> cases, ScenarioLibrary library) =>
        (CandidateTexts.Compose(p.Name, p.Name, p.DescriptionZh, p.DescriptionEn, p.Scenarios, library, string.Join(" ", p.Certifications), string.Join(" ", p.Certifications)),
         new CandidateFacts
         {
             Id = Key(p.Id),
             Kind = SearchDocumentKinds.Provider,
             ProviderId = Key(p.Id),
             Title = new LocalizedTitle(p.Name, p.Name),
             Scenarios = p.Scenarios,
             Industries = p.Industries,
             RegionsServed = p.RegionsServed,
             ProviderRating = p.Rating,
             ProviderRatedProjects = p.RatedProjects,
             Cases = cases.Select(c => new CaseFact(c.IndustryCode, c.Scenarios)).ToList(),
         });

    public static (CandidateText, CandidateFacts) Case(DemonstrationCase c, ScenarioLibrary library) =>
        (CandidateTexts.Compose(c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, c.Scenarios, library, c.EnterpriseName),
         new CandidateFacts
         {
             Id = Key(c.Id),
             Kind = SearchDocumentKinds.Case,
             ProviderId = c.ProviderId is { } p ? Key(p) : null,
             Title = new LocalizedTitle(c.TitleZh, c.TitleEn),
             Scenarios = c.Scenarios,
             Industries = [c.IndustryCode],
         });
}
