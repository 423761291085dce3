using FactoryPath.Core.Matching;

namespace FactoryPath.Core.Tests.Matching;

public sealed class TextIndexTests : IDisposable
{
    private readonly TextIndex index = new(SynonymList.LoadEmbedded());

    public void Dispose() => index.Dispose();

    private static SearchDocument Doc(string id, string titleZh, string bodyZh = "", string titleEn = "", string bodyEn = "", string industry = "34", string kind = SearchDocumentKinds.Solution) =>
        new(id, kind, titleZh, titleEn, bodyZh, bodyEn, new Dictionary<string, string> { ["industry"] = industry });

    private IReadOnlyList<string> Ids(string query, IReadOnlyDictionary<string, string>? filters = null) =>
        index.Search(query, filters, 20).Select(h => h.Id).ToList();

    [Fact]
    public void Search_ChineseQuery_FindsChineseTextThroughBigrams()
    {
        index.Add(Doc("a", "设备能耗实时监测平台"));
        index.Add(Doc("b", "客户关系管理"));

        Assert.Equal(["a"], Ids("能耗监测"));
    }

    [Theory]
    [InlineData("用能", "工厂能耗在线分析")]
    [InlineData("排程", "智能排产系统")]
    [InlineData("MES", "生产执行系统实施")]
    [InlineData("数采", "设备联网与数据采集")]
    [InlineData("能源管理", "electricity and energy dashboards")]
    [InlineData("manufacturing execution", "MES 实施服务")]
    [InlineData("predictive maintenance", "空压机预测性维护")]
    public void Search_SynonymInQuery_FindsTheOtherForm(string query, string text)
    {
        index.Add(Doc("match", text));
        index.Add(Doc("other", "财务报表与合同"));

        Assert.Equal(["match"], Ids(query));
    }

    [Fact]
    public void Search_EnglishSynonym_FindsChineseText()
    {
        index.Add(Doc("zh", "设备能耗实时监测平台"));

        Assert.Equal(["zh"], Ids("energy management"));
    }

    [Fact]
    public void Search_Acronym_IsNotStemmedIntoAnotherWord()
    {
        index.Add(Doc("me", "", bodyEn: "Tell me more"));

        Assert.Empty(Ids("MES"));
    }

    [Fact]
    public void Search_TwoCharacterTerm_DoesNotMatchItsCharactersApart()
    {
        index.Add(Doc("apart", "用户的数字化能力"));

        Assert.Empty(Ids("用能"));
    }

    [Theory]
    [InlineData("scheduling", "Schedule your shifts")]
    [InlineData("schedule", "Finite capacity scheduling")]
    [InlineData("monitors", "energy monitoring")]
    public void Search_EnglishQuery_MatchesThroughStemming(string query, string title)
    {
        index.Add(Doc("en", "", titleEn: title));

        Assert.Equal(["en"], Ids(query));
    }

    [Fact]
    public void Search_FilterIsExact()
    {
        index.Add(Doc("34", "能耗监测", industry: "34"));
        index.Add(Doc("35", "能耗监测", industry: "35"));
        index.Add(Doc("345", "能耗监测", industry: "345"));

        Assert.Equal(["34"], Ids("能耗", new Dictionary<string, string> { ["industry"] = "34" }));
        Assert.Empty(Ids("能耗", new Dictionary<string, string> { ["industry"] = "13" }));
        Assert.Empty(Ids("能耗", new Dictionary<string, string> { ["region"] = "34" }));
    }

    [Fact]
    public void Search_FilterOnKind_UsesTheDocumentKind()
    {
        index.Add(Doc("s", "能耗监测"));
        index.Add(Doc("p", "能耗监测服务商", kind: SearchDocumentKinds.Provider));

        Assert.Equal(["p"], Ids("能耗", new Dictionary<string, string> { ["kind"] = SearchDocumentKinds.Provider }));
    }

    [Fact]
    public void Search_BlankQuery_ReturnsFilteredDocuments()
    {
        index.Add(Doc("34", "甲", industry: "34"));
        index.Add(Doc("35", "乙", industry: "35"));

        Assert.Equal(["35"], Ids(" ", new Dictionary<string, string> { ["industry"] = "35" }));
    }

    [Fact]
    public void UpdateAndDelete_AreVisibleToTheNextSearch()
    {
        index.Add(Doc("x", "智能排产"));
        Assert.Equal(["x"], Ids("排产"));

        index.Update(Doc("x", "质量追溯"));
        Assert.Empty(Ids("排产"));
        Assert.Equal(["x"], Ids("追溯"));

        index.Delete("x");
        Assert.Empty(Ids("追溯"));
    }

    [Fact]
    public void Add_ExistingId_Throws()
    {
        index.Add(Doc("x", "智能排产"));

        Assert.Throws<InvalidOperationException>(() => index.Add(Doc("x", "质量追溯")));
    }

    [Fact]
    public void Rebuild_ReplacesEverything()
    {
        index.Add(Doc("old", "智能排产"));

        index.Rebuild([Doc("new", "智能排产")]);

        Assert.Equal(["new"], Ids("排产"));
    }

    [Fact]
    public void Search_TitleMatch_RanksAboveBodyOnlyMatch()
    {
        index.Add(Doc("body", "工厂数字化方案", bodyZh: "包含能耗监测模块以及其他功能"));
        index.Add(Doc("title", "能耗监测", bodyZh: "包含多个模块以及其他功能说明"));

        Assert.Equal(["title", "body"], Ids("能耗监测"));
    }

    [Fact]
    public void Search_ReportsWhichSynonymFormsMatched()
    {
        index.Add(Doc("a", "设备能耗实时监测平台"));

        var hit = Assert.Single(index.Search("用能监测", null, 10));

        var energy = Assert.Single(hit.Matched, m => m.Group is not null);
        Assert.Equal("用能", energy.QueryText);
        Assert.Equal(["能耗"], energy.Forms);
        var plain = Assert.Single(hit.Matched, m => m.Group is null);
        Assert.Equal("监测", plain.QueryText);
        Assert.Equal(SearchDocumentKinds.Solution, hit.Kind);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public void Search_LongerFormOfAGroup_IsFoundThroughTheShorterFormAndStillReported()
    {
        // 能源管理 holds 能源, so the search looks for 能源 alone; the document is found and both forms are named
        index.Add(Doc("long", "工厂能源管理平台"));
        index.Add(Doc("short", "能源计量"));
        index.Add(Doc("other", "财务报表与合同"));

        Assert.Equal(["long", "short"], Ids("能耗").Order());
        var forms = index.MatchedConcepts("能耗", ["long", "short"]);
        Assert.Equal(["能源", "能源管理"], forms["long"].Single().Forms.Order());
        Assert.Equal(["能源"], forms["short"].Single().Forms);
    }
}

public sealed class TextIndexFilterTests : IDisposable
{
    private readonly TextIndex index = new(SynonymList.LoadEmbedded());

    public void Dispose() => index.Dispose();

    private void Add(string id, string[] industries, long price) =>
        index.Add(new SearchDocument(id, SearchDocumentKinds.Solution, "能耗监测", "", "", "", new Dictionary<string, string>())
        {
            FilterSets = new Dictionary<string, IReadOnlyList<string>> { ["industry"] = industries },
            Numbers = new Dictionary<string, long> { ["price"] = price },
        });

    private IReadOnlyList<string> Ids(params IndexFilter[] filters) =>
        index.Search("能耗", filters, 20).Select(h => h.Id).Order().ToList();

    [Fact]
    public void MultiValuedField_MatchesAnyOfItsValues()
    {
        Add("a", ["33", "34"], 1);
        Add("b", ["34"], 1);
        Add("c", ["17"], 1);

        Assert.Equal(["a", "b"], Ids(IndexFilter.Equal("industry", "34")));
        Assert.Equal(["a"], Ids(IndexFilter.Equal("industry", "33")));
        Assert.Equal(["a", "c"], Ids(IndexFilter.AnyOf("industry", ["17", "33"])));
        Assert.Empty(Ids(IndexFilter.AnyOf("industry", [])));
    }

    [Fact]
    public void NumericRange_IsInclusive()
    {
        Add("cheap", ["34"], 50_000);
        Add("edge", ["34"], 100_000);
        Add("dear", ["34"], 100_001);

        Assert.Equal(["cheap", "edge"], Ids(IndexFilter.Between("price", null, 100_000)));
        Assert.Equal(["dear", "edge"], Ids(IndexFilter.Between("price", 100_000, null)));
        Assert.Equal(["cheap"], Ids(IndexFilter.Between("price", 1, 99_999), IndexFilter.Equal("industry", "34")));
    }

    [Fact]
    public void SearchWithoutExplain_HasNoConcepts_ButMatchedConceptsGivesThem()
    {
        Add("a", ["34"], 1);

        var hit = Assert.Single(index.Search("用能", [], 5, explain: false));

        Assert.Empty(hit.Matched);
        Assert.Equal(["能耗"], Assert.Single(index.MatchedConcepts("用能", "a")).Forms);
        Assert.Empty(index.MatchedConcepts("用能", "missing"));
        Assert.Equal(1, index.Count);
    }
}
