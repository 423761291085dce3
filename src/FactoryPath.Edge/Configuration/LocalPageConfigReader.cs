using System.Globalization;
using System.Net;
using FactoryPath.Edge.Configuration.Yaml;
using FactoryPath.Edge.Kpi.Dashboard;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Configuration;

/// <summary>The gateway's local dashboard page: the address it listens on (loopback by default, so only the shop-floor PC sees it).</summary>
public sealed record LocalPageConfig(IPAddress Address, int Port)
{
    /// <summary>The page's address as a browser opens it.</summary>
    public string Url => Address.Equals(IPAddress.Any) ? $"http://localhost:{Port}/" : $"http://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port}/";
}

/// <summary>
/// Reads the <c>web</c> section (<c>web: { listen: 127.0.0.1:8090 }</c>: an IP address and a port 1–65535; 0.0.0.0
/// listens on every interface) and the <c>downReasons</c> section (reason code → <c>{ zh: …, en: … }</c>, the names the
/// downtime Pareto shows for this factory's codes) of a gateway's file.
/// </summary>
internal static class LocalPageConfigReader
{
    public static LocalPageConfig? ReadWeb(YamlConfigReader yaml, YamlMappingNode root)
    {
        if (yaml.Node(root, "web") is not { } node || yaml.Mapping(node, "web") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, "web", "listen");
        var listen = yaml.String(map, "listen", "web");
        if (listen is null)
        {
            return null;
        }

        var colon = listen.LastIndexOf(':');
        var host = colon > 0 ? listen[..colon].Trim('[', ']') : "";
        if (colon <= 0 || !IPAddress.TryParse(host, out var address))
        {
            yaml.Error(yaml.Node(map, "listen")!, $"web: 'listen' must be address:port with an IP address, e.g. 127.0.0.1:8090 (was '{listen}')");
            return null;
        }

        if (!int.TryParse(listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            yaml.Error(yaml.Node(map, "listen")!, $"web: the port of 'listen' must be a whole number 1–65535 (was '{listen[(colon + 1)..]}')");
            return null;
        }

        return new LocalPageConfig(address, port);
    }

    public static IReadOnlyDictionary<int, ReasonName>? ReadDownReasons(YamlConfigReader yaml, YamlMappingNode root)
    {
        if (yaml.Node(root, "downReasons") is not { } node || yaml.Mapping(node, "downReasons") is not { } map)
        {
            return null;
        }

        var names = new Dictionary<int, ReasonName>();
        foreach (var (key, value) in map.Children)
        {
            var text = (key as YamlScalarNode)?.Value ?? "";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 65535)
            {
                yaml.Error(key, $"downReasons: '{text}' is not a reason code (a whole number 0–65535)");
                continue;
            }

            var what = $"downReasons {code}";
            if (yaml.Mapping(value, what) is not { } entry)
            {
                continue;
            }

            yaml.OnlyKeys(entry, what, "zh", "en");
            var zh = yaml.String(entry, "zh", what);
            var en = yaml.String(entry, "en", what);
            if (zh is not null && en is not null)
            {
                names[code] = new ReasonName(zh, en);
            }
        }

        return names;
    }
}
