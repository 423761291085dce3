using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Edge.Configuration;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Tests;

/// <summary>
/// What the user now reads for the kept findings: the error each decoder promises, with a message that says what is
/// wrong (the replays in <see cref="RegressionTests"/> only show that nothing else is thrown).
/// </summary>
public sealed class FixedFindingTests
{
    private const string UnparsableYaml = "not valid YAML: the text ends inside a bracket, quote or key, or holds a character YAML does not allow";

    private static string Text(string target, string file) =>
        File.ReadAllText(Path.Combine(FuzzFolders.Regressions(target), file));

    private static IReadOnlyList<ConfigError> GatewayErrors(string file) =>
        Assert.Throws<ConfigException>(() => GatewayConfigLoader.Parse(Text("gateway-yaml", file), "edge.yaml", "/srv/edge")).Errors;

    [Fact]
    public void Yaml_that_YamlDotNet_gives_up_on_without_a_YamlException_is_a_syntax_error_of_the_file()
    {
        Assert.Equal(UnparsableYaml, Assert.Single(GatewayErrors("invalidoperationexception-5462f938d596.yaml")).Message);
        Assert.Equal(UnparsableYaml, Assert.Single(ModelLoader.LoadText(Text("model-yaml", "argumentexception-9dcc52bdf685.yaml"), "m.yaml").Errors).Message);
        var tiers = DemonstrationTierLoader.LoadText(Text("tier-yaml", "invalidoperationexception-f5441bb0da22.yaml"), "t.yaml", null);
        Assert.Null(tiers.Catalog);
        Assert.Equal(UnparsableYaml, Assert.Single(tiers.Errors).Message);
    }

    [Fact]
    public void A_duration_past_what_a_TimeSpan_holds_is_out_of_range()
    {
        var error = Assert.Single(GatewayErrors("overflowexception-f918deeba68c.yaml"), e => e.Message.Contains("'poll'", StringComparison.Ordinal));
        Assert.Contains("5101010101010100s is outside 50ms–3600s", error.Message);
    }

    [Fact]
    public void Digits_of_other_scripts_are_not_read_as_numbers()
    {
        Assert.Contains(GatewayErrors("formatexception-unicode-digit-duration.yaml"), e => e.Message.Contains("'poll' '৪s' is not a duration", StringComparison.Ordinal));
        Assert.Contains(GatewayErrors("formatexception-unicode-digit-utc-offset.yaml"), e => e.Message.Contains("timeZone", StringComparison.Ordinal));
        var band = ModelLoader.LoadText(Text("model-yaml", "formatexception-unicode-digit-band.yaml"), "m.yaml");
        Assert.Contains(band.Errors, e => e.Message.Contains("cannot read '[٣%,10%]'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_band_bound_past_the_decimal_range_cannot_be_read()
    {
        var result = ModelLoader.LoadText(Text("model-yaml", "overflowexception-band-past-decimal.yaml"), "m.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("cannot read '[0%,100000000000000000000000000000000%]'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_choice_question_without_options_is_reported_once_as_such()
    {
        foreach (var file in new[] { "nullreferenceexception-4423d85812b9.yaml", "invalidoperationexception-c870425b97c5.yaml" })
        {
            var result = ModelLoader.LoadText(Text("model-yaml", file), "m.yaml");
            Assert.Null(result.Model);
            Assert.Contains(result.Errors, e => e.Message.Contains("'options' must be a non-empty list", StringComparison.Ordinal)
                || e.Message.Contains("is missing 'options'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_damaged_workbook_is_refused_with_the_unreadable_file_message()
    {
        var files = FuzzFolders.Files(FuzzFolders.Regressions("xlsx-table"));
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal("file.unreadableXlsx", XlsxTable.Read(new MemoryStream(File.ReadAllBytes(file))).Error?.Code));
    }

    [Fact]
    public void Brackets_nested_past_a_hundred_are_refused_before_they_overflow_the_parser_stack()
    {
        const string TooDeep = "not valid YAML: brackets ([ ] or { }) nested more than 100 deep";
        Assert.Equal(TooDeep, Assert.Single(GatewayErrors("stackoverflow-deep-flow-nesting.yaml")).Message);
        Assert.Equal(TooDeep, Assert.Single(ModelLoader.LoadText(Text("model-yaml", "stackoverflow-deep-flow-nesting.yaml"), "m.yaml").Errors).Message);
    }

    [Fact]
    public void Brackets_in_quoted_text_and_comments_are_not_nesting()
    {
        var brackets = new string('[', 150);
        var yaml = $"gateway: {{ id: gw-1, name: \"{brackets}\" }} # {brackets}\nequipment: [{{ id: p, path: 'a/b/c/d/{brackets}' }}]\n";
        var config = GatewayConfigLoader.Parse(yaml, "edge.yaml", "/srv/edge");
        Assert.Equal(brackets, config.Gateway.Name);
        Assert.EndsWith(brackets, config.Equipment[0].Path.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_zone_folder_name_is_not_a_time_zone()
    {
        Assert.Contains(GatewayErrors("securityexception-ff3dbba5859b.yaml"), e => e.Message.Contains("'timeZone' 'Asia' is neither a time zone name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_credit_code_with_a_noncharacter_is_left_for_validation_to_refuse()
    {
        // U+FFFE came out of a UTF-16 upload (pool-import finding); String.Normalize refuses it
        var code = CreditCode.Normalize(" ９１330200MA2A0B1C3\uFFFE ");

        Assert.Equal("９１330200MA2A0B1C3\uFFFE", code);
        Assert.NotNull(CreditCode.Validate(code).Error);
        Assert.Equal("91330200MA2A0B1C3J", CreditCode.Normalize("９１３３０２００ma2a0b1c3j"));
    }

    [Fact]
    public void A_number_cell_with_a_noncharacter_is_not_a_number()
    {
        Assert.False(CellValues.TryInt("12\uFFFE", out var value, out var error));
        Assert.Null(value);
        Assert.Equal("cell.notWholeNumber", error?.Code);
        Assert.True(CellValues.TryLong("１,２００", out var fullWidth, out _));
        Assert.Equal(1200, fullWidth);
    }
}
