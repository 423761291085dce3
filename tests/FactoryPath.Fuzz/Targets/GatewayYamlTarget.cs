using FactoryPath.Edge.Configuration;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Gateway configuration files through <see cref="GatewayConfigLoader.Parse"/> (with the calendar, KPI, web and
/// down-reason readers beside it). Promise: a configuration, or a <see cref="ConfigException"/> listing at least one
/// error, each with a message and a position.
/// </summary>
public sealed class GatewayYamlTarget : TextTarget
{
    public override string Name => "gateway-yaml";

    public override string Description => "edge gateway configuration YAML (GatewayConfigLoader)";

    public override string Extension => ".yaml";

    public override int ShortCampaignInputs => 2_000;

    protected override IReadOnlyList<string> Tokens => YamlTokens;

    public override Verdict Run(byte[] input)
    {
        try
        {
            var config = GatewayConfigLoader.Parse(Decode(input), "edge.yaml", "/srv/edge");
            Promise.Require(config.Gateway is not null, "a loaded configuration names its gateway");
            return Verdict.Accepted;
        }
        catch (ConfigException e)
        {
            Promise.Require(e.Errors.Count > 0, "a refused configuration lists its errors");
            Promise.Require(e.Errors.All(error => !string.IsNullOrWhiteSpace(error.Message) && error.Line >= 0 && error.Column >= 0),
                "every configuration error has a message and a position");
            return Verdict.Rejected;
        }
    }
}
