using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FactoryPath.Core.Matching;

/// <summary>
/// One part of a query: a synonym group found in it, or a plain token left over, with a Lucene query per form. The
/// query that finds documents leaves out the forms that contain another form of the group (能源管理 holds 能源): every
/// document they match is already matched, and their phrase queries over common words are the slowest part of a search.
/// </summary>
internal sealed record QueryConcept(string QueryText, SynonymGroup? Group, IReadOnlyList<QueryForm> Forms)
{
    public Query ToQuery()
    {
        var finding = Forms.Where(f => !f.Subsumed).ToList();
        if (finding.Count == 1)
        {
            return finding[0].Query;
        }

        var any = new BooleanQuery();
        foreach (var form in finding)
        {
            any.Add(form.Query, Occur.SHOULD);
        }

        return any;
    }
}

/// <summary>
/// One written form and its query over the text fields: a term query for one token, a phrase of consecutive tokens
/// otherwise, so a two-character word such as 用能 matches only where 用能 itself occurs. A form written only in
/// Chinese characters is looked for in the Chinese fields alone, where such text is written.
/// </summary>
internal sealed record QueryForm(string Text, Query Query)
{
    /// <summary>Whether another form of the same group occurs inside this one, so this one finds no document of its own.</summary>
    public bool Subsumed { get; init; }

    public static QueryForm From(string text, IReadOnlyList<AnalyzedToken> tokens)
    {
        var anyField = new BooleanQuery();
        var chineseOnly = tokens.All(t => t.Term.All(IsCjk));
        foreach (var (field, boost) in IndexFields.Text)
        {
            if (chineseOnly && !field.EndsWith("_zh", StringComparison.Ordinal))
            {
                continue;
            }

            Query query;
            if (tokens.Count == 1)
            {
                query = new TermQuery(new Term(field, tokens[0].Term));
            }
            else
            {
                var phrase = new PhraseQuery();
                var first = tokens[0].Position;
                foreach (var token in tokens)
                {
                    phrase.Add(new Term(field, token.Term), token.Position - first);
                }

                query = phrase;
            }

            query.Boost = boost;
            anyField.Add(query, Occur.SHOULD);
        }

        return new QueryForm(text, anyField);
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
