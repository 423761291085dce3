namespace FactoryPath.Core.Matching;

/// <summary>
/// Turns query text into concepts. Synonym terms are found in the analysed query (longest first, left to right) and
/// each becomes an OR over its group's forms; tokens that overlap no synonym become plain concepts. Tokens that straddle
/// a synonym's edge (耗监 in 能耗监测) are dropped, since they are an artefact of bigrams rather than something asked for.
/// </summary>
internal sealed class QueryExpander
{
    private readonly MixedTextAnalyzer analyzer;
    private readonly List<(SynonymGroup Group, string Term, IReadOnlyList<AnalyzedToken> Tokens)> terms = [];
    private readonly Dictionary<SynonymGroup, IReadOnlyList<QueryForm>> forms = [];

    public QueryExpander(MixedTextAnalyzer analyzer, SynonymList synonyms)
    {
        this.analyzer = analyzer;
        foreach (var group in synonyms.Groups)
        {
            var analysed = new List<(string Term, IReadOnlyList<AnalyzedToken> Tokens)>();
            foreach (var term in group.Terms)
            {
                var tokens = analyzer.Tokens(term);
                if (tokens.Count > 0)
                {
                    terms.Add((group, term, tokens));
                    analysed.Add((term, tokens));
                }
            }

            forms[group] = analysed
                .Select((a, i) => QueryForm.From(a.Term, a.Tokens) with
                {
                    Subsumed = analysed.Where((b, j) => j != i && b.Tokens.Count < a.Tokens.Count).Any(b => Contains(a.Tokens, b.Tokens)),
                })
                .ToList();
        }

        // Longest first, so 数据采集与监视控制 wins over 数据采集.
        terms.Sort((a, b) => b.Tokens.Count.CompareTo(a.Tokens.Count));
    }

    public IReadOnlyList<QueryConcept> Expand(string query)
    {
        var tokens = analyzer.Tokens(query);
        var concepts = new List<QueryConcept>();
        var matchedSpans = new List<(int Start, int End)>();
        var matchedEnd = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start < matchedEnd || FindTerm(tokens, i) is not { } found)
            {
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i + found.Tokens.Count - 1].End;
            matchedSpans.Add((start, end));
            matchedEnd = end;
            if (concepts.All(c => c.Group != found.Group))
            {
                concepts.Add(new QueryConcept(query[start..end], found.Group, forms[found.Group]));
            }
        }

        foreach (var token in tokens)
        {
            if (matchedSpans.Any(s => token.Start < s.End && s.Start < token.End) || concepts.Any(c => c.Group is null && c.Forms[0].Text == token.Term))
            {
                continue;
            }

            concepts.Add(new QueryConcept(query[token.Start..token.End], null, [QueryForm.From(token.Term, [token])]));
        }

        return concepts;
    }

    /// <summary>Whether <paramref name="inner"/> occurs in <paramref name="outer"/> as consecutive tokens at the same distances.</summary>
    private static bool Contains(IReadOnlyList<AnalyzedToken> outer, IReadOnlyList<AnalyzedToken> inner)
    {
        for (var at = 0; at + inner.Count <= outer.Count; at++)
        {
            var matches = true;
            for (var k = 0; k < inner.Count && matches; k++)
            {
                matches = outer[at + k].Term == inner[k].Term
                    && outer[at + k].Position - outer[at].Position == inner[k].Position - inner[0].Position;
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private (SynonymGroup Group, IReadOnlyList<AnalyzedToken> Tokens)? FindTerm(IReadOnlyList<AnalyzedToken> tokens, int at)
    {
        foreach (var (group, _, termTokens) in terms)
        {
            if (at + termTokens.Count > tokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < termTokens.Count && matches; k++)
            {
                var token = tokens[at + k];
                matches = token.Term == termTokens[k].Term
                    && token.Position - tokens[at].Position == termTokens[k].Position - termTokens[0].Position;
            }

            if (matches)
            {
                return (group, termTokens);
            }
        }

        return null;
    }
}
