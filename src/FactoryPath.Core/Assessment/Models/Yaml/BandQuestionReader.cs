using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>
/// Reads band questions: inputs, the rate (numerator / denominator, each an input of this question or
/// <c>otherQuestion.input</c>), and bands that must cover 0 % to 100 % without gaps or overlaps.
/// </summary>
internal sealed class BandQuestionReader(YamlReader yaml)
{
    public BandQuestion? Read(YamlMappingNode map, NodeHeader? header)
    {
        var what = $"question '{header?.Id}'";
        var inputs = QuestionParser.Inputs(yaml, map, what);
        var rate = Rate(map, what, inputs);
        var direct = yaml.Bool(map, "allowDirectChoice", what);
        var bands = Bands(map, what, header?.Points);
        if (rate is null && !direct && yaml.Node(map, "rate") is null)
        {
            yaml.Error(map, $"{what} needs a 'rate' (numerator and denominator inputs) or 'allowDirectChoice: true'");
            return null;
        }

        return header is null || inputs is null || bands is null || (rate is null && yaml.Node(map, "rate") is not null)
            ? null
            : new BandQuestion(header, inputs, rate, bands, direct);
    }

    private BandRate? Rate(YamlMappingNode map, string what, IReadOnlyList<QuestionInput>? inputs)
    {
        if (yaml.Node(map, "rate") is not { } node || yaml.Mapping(node, $"{what} rate") is not { } rate)
        {
            return null;
        }

        yaml.OnlyKeys(rate, $"{what} rate", "numerator", "denominator");
        var numerator = Reference(rate, "numerator", what, inputs);
        var denominator = Reference(rate, "denominator", what, inputs);
        return numerator is null || denominator is null ? null : new BandRate(numerator, denominator);
    }

    /// <summary>Own inputs are checked here; references to other questions are checked once the whole model is read.</summary>
    private InputReference? Reference(YamlMappingNode rate, string key, string what, IReadOnlyList<QuestionInput>? inputs)
    {
        var text = yaml.String(rate, key, $"{what} rate");
        if (text is null)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var reference = dot < 0 ? new InputReference(null, text) : new InputReference(text[..dot], text[(dot + 1)..]);
        if (reference.QuestionId is null && inputs is not null && inputs.All(i => i.Id != reference.InputId))
        {
            yaml.Error(yaml.Node(rate, key)!, $"{what}: rate {key} '{text}' is not one of the question's inputs");
            return null;
        }

        return reference;
    }

    private List<BandRange>? Bands(YamlMappingNode map, string what, decimal? points)
    {
        var bands = new List<(BandRange Band, YamlNode Node)>();
        var ok = true;
        foreach (var node in yaml.Sequence(map, "bands", what))
        {
            var band = Band(node, what, points);
            if (band is null)
            {
                ok = false;
            }
            else if (bands.Any(b => b.Band.Key == band.Key))
            {
                yaml.Error(node, $"{what}: band '{band.Key}' is listed twice");
                ok = false;
            }
            else
            {
                bands.Add((band, node));
            }
        }

        if (!ok || bands.Count == 0)
        {
            return null;
        }

        ok = CheckCoverage(bands, what);
        var best = bands.Max(b => b.Band.Points);
        if (points is not null && best != points)
        {
            yaml.Error(yaml.Node(map, "bands")!, $"{what}: its best band is worth {Fmt.Num(best)} points, but the question is worth {Fmt.Num(points.Value)}");
            ok = false;
        }

        return ok ? bands.Select(b => b.Band).ToList() : null;
    }

    private BandRange? Band(YamlNode node, string what, decimal? questionPoints)
    {
        if (yaml.Mapping(node, $"{what}: a band") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, $"{what}: a band", "key", "range", "points");
        var key = yaml.String(map, "key", $"{what}: a band");
        var range = yaml.String(map, "range", $"{what} band '{key}'");
        var points = yaml.Decimal(map, "points", $"{what} band '{key}'", required: true);
        if (range is null || key is null || points is null)
        {
            return null;
        }

        if (!BandEdges.TryParse(range, out var lower, out var lowerIn, out var upper, out var upperIn))
        {
            yaml.Error(yaml.Node(map, "range")!, $"{what} band '{key}': cannot read '{range}'; write it like [0%,10%] or (10%,20%]");
            return null;
        }

        if (lower > upper || (lower == upper && !(lowerIn && upperIn)))
        {
            yaml.Error(yaml.Node(map, "range")!, $"{what} band '{key}': '{range}' is empty (its lower edge must be below its upper edge)");
            return null;
        }

        if (points < 0 || points > questionPoints)
        {
            yaml.Error(yaml.Node(map, "points")!, $"{what} band '{key}' is worth {Fmt.Num(points.Value)} points, outside 0 to the question's {Fmt.Num(questionPoints ?? 0)}");
            return null;
        }

        return new BandRange(key, range, lower, lowerIn, upper, upperIn, points.Value);
    }

    /// <summary>Bands in order must start at 0 % (included), end at 100 % (included), and meet edge to edge with exactly one side holding each shared edge.</summary>
    private bool CheckCoverage(List<(BandRange Band, YamlNode Node)> bands, string what)
    {
        var ok = true;
        var first = bands[0].Band;
        if (first.Lower != 0 || !first.LowerInclusive)
        {
            yaml.Error(bands[0].Node, $"{what}: the first band must start at 0% included, e.g. [0%,10%]");
            ok = false;
        }

        var last = bands[^1].Band;
        if (last.Upper != 100 || !last.UpperInclusive)
        {
            yaml.Error(bands[^1].Node, $"{what}: the last band must end at 100% included, e.g. (60%,100%]");
            ok = false;
        }

        for (var i = 1; i < bands.Count; i++)
        {
            var (previous, current) = (bands[i - 1].Band, bands[i].Band);
            var node = bands[i].Node;
            if (current.Lower < previous.Upper || (current.Lower == previous.Upper && previous.UpperInclusive && current.LowerInclusive))
            {
                yaml.Error(node, $"{what}: band '{current.Key}' {current.Label} overlaps band '{previous.Key}' {previous.Label}");
                ok = false;
            }
            else if (current.Lower > previous.Upper || (!previous.UpperInclusive && !current.LowerInclusive))
            {
                yaml.Error(node, $"{what}: there is a gap between band '{previous.Key}' {previous.Label} and band '{current.Key}' {current.Label}");
                ok = false;
            }
        }

        return ok;
    }
}
