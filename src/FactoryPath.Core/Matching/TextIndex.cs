using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FactoryPath.Core.Matching;

/// <summary>
/// A Lucene full-text index of solutions, providers and cases. Filters are hard (exact keyword match), text is
/// scored with titles weighted above bodies, and queries are expanded through a <see cref="SynonymList"/>. Every
/// change is committed and the searcher refreshed before the call returns, so the next search sees it.
/// </summary>
public sealed class TextIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly bool ownsDirectory;
    private readonly MixedTextAnalyzer analyzer = new();
    private readonly QueryExpander expander;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private static readonly ISet<string> StoredFields = new HashSet<string> { IndexFields.Id, IndexFields.Kind };

    /// <summary>More distinct filter combinations than this and the cache starts afresh (each holds a bit per document per segment).</summary>
    private const int MaxCachedFilters = 256;

    /// <summary>
    /// Hard filters by their terms, each caching its documents per index segment: a match asks for the same filters
    /// several times (text and scenarios, and again for the next demand alike), and building the set of documents that
    /// pass them is a large part of a query. Emptied on every change, so no stale segment entries linger.
    /// </summary>
    private readonly ConcurrentDictionary<string, Filter> filterCache = new(StringComparer.Ordinal);

    /// <summary>An index in memory, or in <paramref name="directory"/> when given (the caller then owns it).</summary>
    public TextIndex(SynonymList synonyms, LuceneDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        ownsDirectory = directory is null;
        this.directory = directory ?? new RAMDirectory();
        expander = new QueryExpander(analyzer, synonyms);
        writer = new IndexWriter(this.directory, new IndexWriterConfig(MixedTextAnalyzer.Version, analyzer));
        writer.Commit();
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Adds a document whose id is not yet in the index.</summary>
    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Contains(document.Id))
        {
            throw new InvalidOperationException($"a document with id '{document.Id}' is already indexed; use Update");
        }

        writer.AddDocument(ToLucene(document));
        Publish();
    }

    /// <summary>Replaces the document with the same id, or adds it when there is none.</summary>
    public void Update(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLucene(document));
        Publish();
    }

    /// <summary>Replaces or adds several documents and deletes several ids, visible to searches together (one commit).</summary>
    public void Apply(IEnumerable<SearchDocument> updates, IEnumerable<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(deletes);
        foreach (var document in updates)
        {
            writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLucene(document));
        }

        foreach (var id in deletes)
        {
            writer.DeleteDocuments(new Term(IndexFields.Id, id));
        }

        Publish();
    }

    public void Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        writer.DeleteDocuments(new Term(IndexFields.Id, id));
        Publish();
    }

    /// <summary>Replaces the whole index with <paramref name="documents"/>.</summary>
    public void Rebuild(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        writer.DeleteAll();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (seen.Add(document.Id))
            {
                writer.AddDocument(ToLucene(document));
            }
            else
            {
                writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLucene(document));
            }
        }

        // one segment instead of the dozen or so the flushes leave: every query looks each term up once per segment
        writer.ForceMerge(1);
        Publish();
    }

    /// <summary>
    /// The best <paramref name="top"/> documents for <paramref name="query"/> that carry every filter value exactly.
    /// A blank query returns the filtered documents unscored.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, IReadOnlyDictionary<string, string>? filters, int top) =>
        Search(query, IndexFilter.AllEqual(filters), top);

    /// <summary>
    /// The best <paramref name="top"/> documents for <paramref name="query"/> that pass every filter. A blank query
    /// returns the filtered documents unscored. With <paramref name="explain"/> off the hits carry no matched concepts
    /// (ask <see cref="MatchedConcepts"/> for the few that are shown), which keeps a wide candidate search cheap.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, IReadOnlyList<IndexFilter> filters, int top, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var concepts = expander.Expand(query);
        Query text;
        if (concepts.Count == 0)
        {
            text = new MatchAllDocsQuery();
        }
        else
        {
            var any = new BooleanQuery();
            foreach (var concept in concepts)
            {
                any.Add(concept.ToQuery(), Occur.SHOULD);
            }

            text = any;
        }

        return Run(text, filters, top, explain ? concepts : []);
    }

    /// <summary>
    /// Documents that hold any of <paramref name="terms"/> in their filter fields, scored by how many (and how heavily
    /// boosted) they hold; used to find candidates by scenario or industry when there is no text to search.
    /// </summary>
    public IReadOnlyList<SearchHit> SearchByTerms(IReadOnlyList<(string Key, string Value, float Boost)> terms, IReadOnlyList<IndexFilter> filters, int top)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (terms.Count == 0)
        {
            return [];
        }

        var any = new BooleanQuery();
        foreach (var (key, value, boost) in terms)
        {
            // constant score: a scenario counts by its boost, not by how rare it is in the catalog
            any.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Filter(key), value))) { Boost = boost }, Occur.SHOULD);
        }

        return Run(any, filters, top, []);
    }

    /// <summary>The parts of <paramref name="query"/> that match the document <paramref name="id"/>; empty when it does not exist.</summary>
    public IReadOnlyList<MatchedConcept> MatchedConcepts(string query, string id) =>
        MatchedConcepts(query, [id]).GetValueOrDefault(id) ?? [];

    /// <summary>
    /// The parts of <paramref name="query"/> that match each of the documents <paramref name="ids"/> (the few being
    /// shown). One search per concept and per form, restricted to those documents, instead of one explanation per
    /// document and form: the cost no longer grows with the number of documents shown.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MatchedConcept>> MatchedConcepts(string query, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<string, IReadOnlyList<MatchedConcept>>(StringComparer.Ordinal);
        var concepts = expander.Expand(query);
        if (concepts.Count == 0 || ids.Count == 0)
        {
            return result;
        }

        var only = new BooleanQuery();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            only.Add(new TermQuery(new Term(IndexFields.Id, id)), Occur.SHOULD);
        }

        // built once per segment and reused by every concept and form search below
        var filter = new BitSetCachingFilter(new QueryWrapperFilter(only));
        var lists = new Dictionary<string, List<MatchedConcept>>(StringComparer.Ordinal);
        var searcher = searchers.Acquire();
        try
        {
            var keys = new DocKeys(searcher);
            // filter first: the few shown documents drive, each query only advances to them instead of scanning its postings
            List<string> Matching(Query q) => searcher.Search(new FilteredQuery(q, filter, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), ids.Count)
                .ScoreDocs.Select(d => keys.Of(d.Doc).Id).ToList();
            foreach (var concept in concepts)
            {
                var docs = Matching(concept.ToQuery());
                if (docs.Count == 0)
                {
                    continue;
                }

                var forms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var form in concept.Forms)
                {
                    var found = concept.Forms.Count == 1 ? docs : Matching(form.Query);
                    foreach (var doc in found)
                    {
                        (forms.TryGetValue(doc, out var list) ? list : forms[doc] = []).Add(form.Text);
                    }
                }

                foreach (var (doc, found) in forms)
                {
                    (lists.TryGetValue(doc, out var list) ? list : lists[doc] = []).Add(new MatchedConcept(concept.QueryText, concept.Group, found));
                }
            }
        }
        finally
        {
            searchers.Release(searcher);
        }

        foreach (var (doc, list) in lists)
        {
            result[doc] = list;
        }

        return result;
    }

    /// <summary>How many documents the index holds.</summary>
    public int Count
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    private IReadOnlyList<SearchHit> Run(Query query, IReadOnlyList<IndexFilter> filters, int top, IReadOnlyList<QueryConcept> concepts)
    {
        var searcher = searchers.Acquire();
        try
        {
            var found = searcher.Search(query, CachedFilter(filters), top);
            var keys = new DocKeys(searcher);
            return found.ScoreDocs.Select(hit => ToHit(searcher, keys, hit, concepts)).ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        if (ownsDirectory)
        {
            directory.Dispose();
        }
    }

    private Filter? CachedFilter(IReadOnlyList<IndexFilter> filters)
    {
        if (filters.Count == 0)
        {
            return null;
        }

        var key = FilterKey(filters);
        if (filterCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (filterCache.Count >= MaxCachedFilters)
        {
            filterCache.Clear();
        }

        return filterCache.GetOrAdd(key, _ => new BitSetCachingFilter(FilterFor(filters)!));
    }

    /// <summary>The filters as text that tells any two different filter lists apart (lengths prefix every value).</summary>
    private static string FilterKey(IReadOnlyList<IndexFilter> filters)
    {
        var key = new StringBuilder();
        foreach (var filter in filters)
        {
            key.Append(filter.Key.Length).Append(':').Append(filter.Key);
            if (filter.Values is { } values)
            {
                key.Append('=').Append(values.Count);
                foreach (var value in values)
                {
                    key.Append(',').Append(value.Length).Append(':').Append(value);
                }
            }
            else
            {
                key.Append('[').Append(filter.Min?.ToString(CultureInfo.InvariantCulture)).Append('~').Append(filter.Max?.ToString(CultureInfo.InvariantCulture));
            }

            key.Append(';');
        }

        return key.ToString();
    }

    private static Filter? FilterFor(IReadOnlyList<IndexFilter> filters)
    {
        if (filters.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        foreach (var filter in filters)
        {
            var field = IndexFields.Filter(filter.Key);
            if (filter.Values is { } values)
            {
                if (values.Count == 1)
                {
                    all.Add(new TermQuery(new Term(field, values[0])), Occur.MUST);
                    continue;
                }

                // no values: an empty clause, which matches nothing
                var anyOf = new BooleanQuery();
                foreach (var value in values)
                {
                    anyOf.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
                }

                all.Add(anyOf, Occur.MUST);
            }
            else
            {
                all.Add(NumericRangeQuery.NewInt64Range(field, filter.Min, filter.Max, true, true), Occur.MUST);
            }
        }

        return new QueryWrapperFilter(all);
    }

    private static SearchHit ToHit(IndexSearcher searcher, DocKeys keys, ScoreDoc hit, IReadOnlyList<QueryConcept> concepts)
    {
        var (id, kind) = keys.Of(hit.Doc);
        return new SearchHit(id, kind, hit.Score, Matched(searcher, hit.Doc, concepts));
    }

    private static IReadOnlyList<MatchedConcept> Matched(IndexSearcher searcher, int doc, IReadOnlyList<QueryConcept> concepts)
    {
        var matched = new List<MatchedConcept>();
        foreach (var concept in concepts)
        {
            // most concepts of a query miss a given document: one check for the concept before one per form
            if (concept.Forms.Count > 1 && !searcher.Explain(concept.ToQuery(), doc).IsMatch)
            {
                continue;
            }

            var forms = concept.Forms.Where(f => searcher.Explain(f.Query, doc).IsMatch).Select(f => f.Text).ToList();
            if (forms.Count > 0)
            {
                matched.Add(new MatchedConcept(concept.QueryText, concept.Group, forms));
            }
        }

        return matched;
    }

    private static Document ToLucene(SearchDocument source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Kind);
        var document = new Document
        {
            new StringField(IndexFields.Id, source.Id, Field.Store.YES),
            new StringField(IndexFields.Kind, source.Kind, Field.Store.YES),
            new SortedDocValuesField(IndexFields.IdValues, new BytesRef(source.Id)),
            new SortedDocValuesField(IndexFields.KindValues, new BytesRef(source.Kind)),
            new StringField(IndexFields.Filter(IndexFields.Kind), source.Kind, Field.Store.NO),
        };
        string[] texts = [source.TitleZh, source.TitleEn, source.BodyZh, source.BodyEn];
        for (var i = 0; i < texts.Length; i++)
        {
            document.Add(new TextField(IndexFields.Text[i].Name, texts[i] ?? string.Empty, Field.Store.NO));
        }

        foreach (var (key, value) in source.Filters)
        {
            if (key == IndexFields.Kind)
            {
                if (value != source.Kind)
                {
                    throw new ArgumentException($"filter 'kind' is '{value}' but the document's kind is '{source.Kind}'", nameof(source));
                }

                continue;
            }

            document.Add(new StringField(IndexFields.Filter(key), value, Field.Store.NO));
        }

        foreach (var (key, values) in source.FilterSets)
        {
            if (key == IndexFields.Kind || source.Filters.ContainsKey(key))
            {
                throw new ArgumentException($"filter '{key}' is given twice", nameof(source));
            }

            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                document.Add(new StringField(IndexFields.Filter(key), value, Field.Store.NO));
            }
        }

        foreach (var (key, number) in source.Numbers)
        {
            document.Add(new Int64Field(IndexFields.Filter(key), number, Field.Store.NO));
        }

        return document;
    }

    private bool Contains(string id)
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1).TotalHits > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Publish()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
        filterCache.Clear();
    }

    /// <summary>
    /// Caches a filter's documents per segment as a plain bit set, which the search checks document by document (random
    /// access) instead of stepping through a compressed set alongside the query. Deleted documents are left out at
    /// search time, so the cache stays right for a segment whose deletions change.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>
    /// Reads a hit's id and kind from doc values (column-wise, cheap) rather than from stored fields, which are
    /// decompressed a block at a time; hundreds of candidates per query make the difference.
    /// </summary>
    private sealed class DocKeys(IndexSearcher searcher)
    {
        private readonly IList<AtomicReaderContext> leaves = searcher.IndexReader.Leaves;
        private readonly Dictionary<int, (SortedDocValues? Id, SortedDocValues? Kind)> values = [];
        private readonly BytesRef scratch = new();

        public (string Id, string Kind) Of(int doc)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (!values.TryGetValue(leaf.Ord, out var dv))
            {
                dv = (leaf.AtomicReader.GetSortedDocValues(IndexFields.IdValues), leaf.AtomicReader.GetSortedDocValues(IndexFields.KindValues));
                values[leaf.Ord] = dv;
            }

            if (dv.Id is null || dv.Kind is null)
            {
                var stored = searcher.Doc(doc, StoredFields);
                return (stored.Get(IndexFields.Id), stored.Get(IndexFields.Kind));
            }

            dv.Id.Get(doc - leaf.DocBase, scratch);
            var id = scratch.Utf8ToString();
            dv.Kind.Get(doc - leaf.DocBase, scratch);
            return (id, scratch.Utf8ToString());
        }
    }
}
