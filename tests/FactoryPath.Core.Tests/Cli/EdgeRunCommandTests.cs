using FactoryPath.Cli;

namespace FactoryPath.Core.Tests.Cli;

/// <summary><c>factorypath edge run --check</c> and <c>edge demo-config</c>: the configuration is checked before anything starts.</summary>
public sealed class EdgeRunCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("factorypath-edge-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task DemoConfig_IsAValidConfiguration()
    {
        var file = Path.Combine(_directory, "edge.yaml");

        var (written, writeOutput, _) = await Run("edge", "demo-config", "--port", "5999", "--out", file);
        var (code, output, error) = await Run("edge", "run", "--config", file, "--check");

        Assert.Equal(0, written);
        Assert.Contains($"Wrote {file}", writeOutput);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("gateway gw-demo-cli, 5 equipment, 4 devices", output);
        Assert.Contains("uplink none", output);
        Assert.Contains("2 machines with KPIs", output); // the press and the CNC; the compressor and the meter make no parts
        Assert.Contains("warning: " + file + ":", output);
        Assert.Contains("equipment 'compressor-1' has no 'idealCycleTime'", output);
        Assert.Contains("port: 5999", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task DemoConfig_WithAnUplink_ReadsTheSecretFromTheEnvironment()
    {
        var file = Path.Combine(_directory, "edge.yaml");
        await Run("edge", "demo-config", "--uplink-host", "platform.example.cn", "--out", file);
        Environment.SetEnvironmentVariable("FACTORYPATH_GATEWAY_SECRET", null);

        var (code, _, error) = await Run("edge", "run", "--config", file, "--check");

        Assert.Equal(2, code);
        Assert.Contains("environment variable FACTORYPATH_GATEWAY_SECRET is not set", error);
    }

    [Fact]
    public async Task ConfigurationWithMistakes_PrintsEachAsFileLineColumn_AndExitsTwo()
    {
        var file = Path.Combine(_directory, "edge.yaml");
        await File.WriteAllTextAsync(file, """
            gateway: {id: gw-1}
            equipment:
              - {id: press-1, path: a/s/ar/l/press-1}
            devices:
              - {name: plc, protocol: modbus-tcp, host: 10.0.0.1, maxRegistersPerRead: 126}
            tags:
              - {id: t1, device: plc-2, equipment: press-1, role: state, table: holding, address: 0}
              - {id: t2, device: plc, equipment: press-1, role: power_kw, table: holding, address: 1, type: float32, byteOrder: ACBD}
            """);

        var (code, output, error) = await Run("edge", "run", "--config", file);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{file}:5:", lines[0]);
        Assert.Contains("at most 125 registers", lines[0]);
        Assert.StartsWith($"{file}:7:", lines[1]);
        Assert.Contains("unknown device 'plc-2'", lines[1]);
        Assert.StartsWith($"{file}:8:", lines[2]);
        Assert.Contains("'byteOrder' 'ACBD'", lines[2]);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        var (code, _, error) = await Run("edge", "run", "--config", Path.Combine(_directory, "none.yaml"), "--check");

        Assert.Equal(2, code);
        Assert.Contains("cannot read the file", error);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
