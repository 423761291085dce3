using FactoryPath.Cli;

namespace FactoryPath.Core.Tests.Cli;

/// <summary><c>factorypath edge simulate</c> refuses bad input before it listens.</summary>
public sealed class EdgeSimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("factorypath-edge-sim-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task InvalidScenario_PrintsFileLineColumn_AndExitsTwo()
    {
        var file = Path.Combine(_directory, "plant.yaml");
        await File.WriteAllTextAsync(file, "seed: 1\nmachines:\n  - { id: a, type: lathe, unitId: 1 }\n  - { id: b, type: cnc, unitId: 1, cycleSeconds: -2 }\n");

        var (code, output, error) = await Run("edge", "simulate", "--scenario", file, "--port", "0");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"{file}:3:20: unknown machine type 'lathe'", error);
        Assert.Contains($"{file}:4:", error);
        Assert.Contains("'cycleSeconds' is -2", error);
    }

    [Theory]
    [InlineData("--port", "70000", "--port 70000 is outside 0–65535.")]
    [InlineData("--address", "factory", "--address 'factory' is not an IP address.")]
    [InlineData("--status-seconds", "-1", "--status-seconds -1 must be 0 or more.")]
    public async Task BadOption_IsRefused_AndExitsTwo(string option, string value, string message)
    {
        var (code, _, error) = await Run("edge", "simulate", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
