using System.Globalization;
using System.Text.RegularExpressions;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Tests.Pages;

public sealed partial class UiTextTests
{
    [GeneratedRegex("""(?:\bT\[|\bt\[|T\.Format\(|t\.Format\(|T\.Get\(|Bi\(|Label\()"(?<key>[a-zA-Z0-9.]+)"[\],]""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_interface_text_the_pages_ask_for_exists_in_both_languages()
    {
        var web = Path.Combine(PlatformFactory.RepositoryRoot(), "src", "FactoryPath.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = files.SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value))).ToList();
        Assert.True(used.Count > 100, $"only {used.Count} text uses found: the pattern no longer matches the pages");

        var text = new UiText();
        var missing = used.Where(u => !text.Has(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void A_text_differs_between_the_languages_and_a_missing_key_shows_itself()
    {
        var text = new UiText();
        Assert.Equal("评测结果", text.Get("result.title", new CultureInfo("zh-CN")));
        Assert.Equal("Assessment result", text.Get("result.title", new CultureInfo("en")));
        Assert.Equal("no.such.key", text.Get("no.such.key", new CultureInfo("en")));
    }
}
