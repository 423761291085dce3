using System.Collections.Concurrent;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>The searchable text of a candidate: titles and bodies in both languages.</summary>
public sealed record CandidateText(string TitleZh, string TitleEn, string BodyZh, string BodyEn);

/// <summary>
/// Supply-demand matching: a <see cref="TextIndex"/> over solutions, providers and cases, the structured facts of each
/// in memory, and a <see cref="Ranker"/>. A match asks the index for the top candidates of each kind (by text, and by
/// the wanted and roadmap scenarios), with the hard filters inside the index query, then re-ranks them on all components.
/// </summary>
public sealed class MatchEngine : IDisposable
{
    /// <summary>Filter value that stands for "any" (industry, size) or "nationwide" (region) in the index.</summary>
    internal const string Any = "*";

    private readonly TextIndex index;
    private readonly ConcurrentDictionary<string, CandidateFacts> facts = new(StringComparer.Ordinal);
    private readonly Lock writes = new();

    public MatchEngine(SynonymList synonyms, MatchWeights weights, Lucene.Net.Store.Directory? directory = null)
    {
        index = new TextIndex(synonyms, directory);
        Ranker = new Ranker(weights);
    }

    public Ranker Ranker { get; }

    public TextIndex Index => index;

    /// <summary>How many candidates are indexed.</summary>
    public int Count => facts.Count;

    public CandidateFacts? Facts(string id) => facts.TryGetValue(id, out var f) ? f : null;

    /// <summary>Adds or replaces one candidate.</summary>
    public void Upsert(CandidateText text, CandidateFacts candidate)
    {
        lock (writes)
        {
            index.Update(ToDocument(text, candidate));
            facts[candidate.Id] = candidate;
        }
    }

    /// <summary>Adds or replaces several candidates and deletes several ids in one commit.</summary>
    public void Apply(IReadOnlyCollection<(CandidateText Text, CandidateFacts Facts)> upserts, IReadOnlyCollection<string> deletes)
    {
        lock (writes)
        {
            index.Apply(upserts.Select(u => ToDocument(u.Text, u.Facts)), deletes);
            foreach (var (_, f) in upserts)
            {
                facts[f.Id] = f;
            }

            foreach (var id in deletes)
            {
                facts.TryRemove(id, out _);
            }
        }
    }

    /// <summary>The ids of the indexed candidates whose facts satisfy <paramref name="predicate"/>.</summary>
    public IReadOnlyList<string> IdsWhere(Func<CandidateFacts, bool> predicate) =>
        facts.Values.Where(predicate).Select(f => f.Id).ToList();

    public void Delete(string id)
    {
        lock (writes)
        {
            index.Delete(id);
            facts.TryRemove(id, out _);
        }
    }

    /// <summary>Replaces everything with <paramref name="candidates"/>; returns how many were indexed.</summary>
    public int Rebuild(IEnumerable<(CandidateText Text, CandidateFacts Facts)> candidates)
    {
        lock (writes)
        {
            var fresh = new Dictionary<string, CandidateFacts>(StringComparer.Ordinal);
            index.Rebuild(Documents(candidates, fresh));
            facts.Clear();
            foreach (var (id, f) in fresh)
            {
                facts[id] = f;
            }

            return fresh.Count;
        }
    }

    /// <summary>The best <paramref name="top"/> matches of each of <paramref name="kinds"/>, each with its components.</summary>
    public MatchResult Match(MatchRequest request, IReadOnlyCollection<string> kinds, int top)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var shownByKind = new List<(string Kind, List<Candidate> Shown)>();
        var counts = new Dictionary<string, int>();
        List<Candidate>? solutions = null;
        if (kinds.Contains(SearchDocumentKinds.Solution) || kinds.Contains(SearchDocumentKinds.Provider))
        {
            solutions = Rank(request, SearchDocumentKinds.Solution, null, out var count);
            counts[SearchDocumentKinds.Solution] = count;
        }

        foreach (var kind in kinds.Distinct())
        {
            List<Candidate> ranked;
            if (kind == SearchDocumentKinds.Solution)
            {
                ranked = solutions!;
            }
            else
            {
                Dictionary<string, double>? best = null;
                if (kind == SearchDocumentKinds.Provider)
                {
                    best = [];
                    foreach (var s in solutions!)
                    {
                        if (s.Facts.ProviderId is { } provider && (!best.TryGetValue(provider, out var b) || s.Score > b))
                        {
                            best[provider] = s.Score;
                        }
                    }
                }

                ranked = Rank(request, kind, best, out var count);
                counts[kind] = count;
            }

            shownByKind.Add((kind, ranked.Take(top).ToList()));
        }

        // the matched words of everything shown, all kinds at once: the concept searches cost per query, not per document
        var concepts = string.IsNullOrWhiteSpace(request.Text)
            ? new Dictionary<string, IReadOnlyList<MatchedConcept>>()
            : index.MatchedConcepts(request.Text, shownByKind.SelectMany(k => k.Shown).Select(m => m.Id).ToList());
        var byKind = new Dictionary<string, IReadOnlyList<RankedMatch>>();
        foreach (var (kind, shown) in shownByKind)
        {
            byKind[kind] = shown.Select(m => Explained(request, kind, m, concepts.GetValueOrDefault(m.Id) ?? [])).ToList();
        }

        return new MatchResult(byKind, counts);
    }

    private List<Candidate> Rank(MatchRequest request, string kind, Dictionary<string, double>? bestSolution, out int candidateCount)
    {
        var filters = HardFilters(request, kind);
        var k = Ranker.Weights.CandidatesPerKind;
        var relevance = new Dictionary<string, double>(StringComparer.Ordinal);
        var hasText = !string.IsNullOrWhiteSpace(request.Text);
        if (hasText)
        {
            var hits = index.Search(request.Text, filters, k, explain: false);
            var max = hits.Count == 0 ? 0 : hits.Max(h => h.Score);
            foreach (var hit in hits)
            {
                relevance[hit.Id] = max > 0 ? hit.Score / max : 0;
            }
        }

        var candidates = new HashSet<string>(relevance.Keys, StringComparer.Ordinal);
        var terms = ScenarioTerms(request);
        if (terms.Count > 0)
        {
            candidates.UnionWith(index.SearchByTerms(terms, filters, k).Select(h => h.Id));
        }
        else if (!hasText)
        {
            IReadOnlyList<SearchHit> hits = string.IsNullOrEmpty(request.IndustryCode)
                ? index.Search("", filters, k, explain: false)
                : index.SearchByTerms([("industry", request.IndustryCode, 1f), ("industry", Any, 0.5f)], filters, k);
            candidates.UnionWith(hits.Select(h => h.Id));
        }

        if (bestSolution is not null)
        {
            // providers behind the best solutions are candidates even when their own text does not match
            candidates.UnionWith(bestSolution.Keys.Where(id => facts.TryGetValue(id, out var f) && f.Kind == kind && PassesHard(request, f)));
        }

        candidateCount = candidates.Count;
        var ranked = new List<Candidate>(candidates.Count);
        foreach (var id in candidates)
        {
            if (!facts.TryGetValue(id, out var candidate))
            {
                continue;
            }

            double? text = hasText ? relevance.GetValueOrDefault(id) : null;
            double? best = bestSolution is null ? null : bestSolution.GetValueOrDefault(id);
            ranked.Add(new Candidate(id, Ranker.ScoreOnly(request, candidate, text, best), candidate, text, best));
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id));
        return ranked;
    }

    /// <summary>
    /// A shown match with its components and their sentences, and the text concepts it matched. Only the few shown are
    /// explained; the score is the one it was ranked by (<see cref="Ranker.ScoreOnly"/> computes the same number).
    /// </summary>
    private RankedMatch Explained(MatchRequest request, string kind, Candidate candidate, IReadOnlyList<MatchedConcept> matched)
    {
        var (_, components) = Ranker.Score(request, candidate.Facts, candidate.Text, matched, candidate.Best);
        return new RankedMatch(candidate.Id, kind, candidate.Score, components, matched) { Facts = candidate.Facts };
    }

    /// <summary>A candidate while ranking: its score and the inputs needed to explain it later.</summary>
    private sealed record Candidate(string Id, double Score, CandidateFacts Facts, double? Text, double? Best);

    private static List<(string Key, string Value, float Boost)> ScenarioTerms(MatchRequest request)
    {
        var terms = new List<(string, string, float)>();
        foreach (var s in request.Scenarios.Distinct())
        {
            terms.Add(("scenario", s, 2f));
        }

        for (var i = 0; i < request.RoadmapScenarios.Count; i++)
        {
            terms.Add(("scenario", request.RoadmapScenarios[i], 1f / (i + 1)));
        }

        return terms;
    }

    /// <summary>The request's hard filters as index filters for one kind.</summary>
    public static List<IndexFilter> HardFilters(MatchRequest request, string kind)
    {
        var filters = new List<IndexFilter> { IndexFilter.Equal("kind", kind) };
        var hard = request.Hard;
        if (hard.Industry && !string.IsNullOrEmpty(request.IndustryCode))
        {
            filters.Add(IndexFilter.AnyOf("industry", [request.IndustryCode, Any]));
        }

        if (hard.RegionServed && !string.IsNullOrEmpty(request.RegionCode) && kind != SearchDocumentKinds.Case)
        {
            filters.Add(IndexFilter.AnyOf("region", ScopesContaining(request.RegionCode).Append(Any)));
        }

        if (kind == SearchDocumentKinds.Solution)
        {
            if (hard.Deployment && request.Deployment is { } deployment)
            {
                filters.Add(IndexFilter.Equal("deployment", deployment.ToString()));
            }

            if (hard.MaxBudget && request.BudgetMaxCny is { } max)
            {
                filters.Add(IndexFilter.Between("price_min", null, max));
            }
        }

        return filters;
    }

    /// <summary>The same hard filters checked on facts, for candidates that did not come from the index query.</summary>
    internal static bool PassesHard(MatchRequest request, CandidateFacts f)
    {
        var hard = request.Hard;
        if (hard.Industry && !string.IsNullOrEmpty(request.IndustryCode) && f.Industries.Count > 0 && !f.Industries.Contains(request.IndustryCode))
        {
            return false;
        }

        if (hard.RegionServed && !string.IsNullOrEmpty(request.RegionCode) && !RegionScope.Serves(f.RegionsServed, request.RegionCode))
        {
            return false;
        }

        if (f.Kind == SearchDocumentKinds.Solution)
        {
            if (hard.Deployment && request.Deployment is { } d && f.Deployment != d)
            {
                return false;
            }

            if (hard.MaxBudget && request.BudgetMaxCny is { } max && f.PriceMinCny > max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The province, prefecture and county scopes a region code lies in (a served scope contains it if it is one of these).</summary>
    internal static IEnumerable<string> ScopesContaining(string region)
    {
        var code = region.Trim();
        if (code.Length != 6)
        {
            return [code];
        }

        return new[] { code[..2] + "0000", code[..4] + "00", code }.Distinct();
    }

    private static IEnumerable<SearchDocument> Documents(IEnumerable<(CandidateText Text, CandidateFacts Facts)> candidates, Dictionary<string, CandidateFacts> into)
    {
        foreach (var (text, candidate) in candidates)
        {
            into[candidate.Id] = candidate;
            yield return ToDocument(text, candidate);
        }
    }

    internal static SearchDocument ToDocument(CandidateText text, CandidateFacts f)
    {
        var sets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["scenario"] = f.Scenarios,
            ["industry"] = f.Industries.Count == 0 ? [Any] : f.Industries,
            ["size"] = f.SizeClasses.Count == 0 ? [Any] : f.SizeClasses.Select(s => s.ToString()).ToList(),
        };
        if (f.RegionsServed is { } served)
        {
            sets["region"] = served.Count == 0 ? [Any] : served;
        }

        var single = new Dictionary<string, string>();
        if (f.Deployment is { } deployment)
        {
            single["deployment"] = deployment.ToString();
        }

        if (f.ProviderId is { } provider)
        {
            single["provider"] = provider;
        }

        var numbers = new Dictionary<string, long>();
        if (f.PriceMinCny is { } min)
        {
            numbers["price_min"] = min;
        }

        if (f.PriceMaxCny is { } max)
        {
            numbers["price_max"] = max;
        }

        return new SearchDocument(f.Id, f.Kind, text.TitleZh, text.TitleEn, text.BodyZh, text.BodyEn, single)
        {
            FilterSets = sets,
            Numbers = numbers,
        };
    }

    public void Dispose() => index.Dispose();
}
