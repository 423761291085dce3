using System.Net;
using FactoryPath.Edge.Configuration;

namespace FactoryPath.Edge.Tests.LocalPage;

public sealed class LocalPageConfigTests
{
    private const string Base = """
        gateway:
          id: gw-local
          name: 本地页面网关
        store:
          path: data/store.duckdb
        equipment:
          - id: press-1
            path: acme/ningbo/moulding/line-1/press-1
        devices:
          - name: plc
            protocol: modbus-tcp
            host: 127.0.0.1
        tags:
          - id: press-1.state
            device: plc
            equipment: press-1
            role: state
            table: holding
            address: 0

        """;

    private static GatewayConfig Load(string extra) => GatewayConfigLoader.Parse(Base + extra, "edge.yaml", "/srv/edge");

    [Fact]
    public void The_web_section_gives_the_local_page_address_and_down_reasons_their_names()
    {
        var config = Load("""
            web:
              listen: 127.0.0.1:8090
            downReasons:
              7: { zh: 模具冷却, en: mould cooling }
            """);
        Assert.Equal(new LocalPageConfig(IPAddress.Loopback, 8090), config.Web);
        Assert.Equal("http://127.0.0.1:8090/", config.Web!.Url);
        Assert.Equal("模具冷却", config.DownReasons![7].Zh);
        Assert.Null(Load("").Web);
    }

    [Theory]
    [InlineData("web:\n  listen: localhost:8090\n", "with an IP address")]
    [InlineData("web:\n  listen: 127.0.0.1\n", "with an IP address")]
    [InlineData("web:\n  listen: 127.0.0.1:70000\n", "1–65535")]
    [InlineData("web:\n  listen: 127.0.0.1:0\n", "1–65535")]
    [InlineData("web:\n  port: 8090\n", "unknown key 'port'")]
    [InlineData("downReasons:\n  x: { zh: a, en: b }\n", "is not a reason code")]
    [InlineData("downReasons:\n  3: { zh: 故障 }\n", "is missing 'en'")]
    public void A_bad_web_or_down_reason_section_is_reported_with_its_line(string extra, string message)
    {
        var errors = Assert.Throws<ConfigException>(() => Load(extra)).Errors;
        // the error points into the section (the base file ends at line 20)
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 20);
    }
}
