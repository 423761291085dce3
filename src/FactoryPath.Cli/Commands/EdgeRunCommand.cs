using System.CommandLine;
using System.Globalization;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Model;
using Microsoft.Extensions.Logging;

namespace FactoryPath.Cli.Commands;

/// <summary>
/// <c>factorypath edge run --config edge.yaml [--check]</c>: runs a gateway until Ctrl+C, or with <c>--check</c> only
/// checks its configuration. A configuration with mistakes prints every one as file:line:column and exits with 2.
/// </summary>
internal static class EdgeRunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The gateway's YAML configuration file", Required = true };
        var check = new Option<bool>("--check") { Description = "Only check the configuration and exit" };
        var status = new Option<int>("--status-seconds") { Description = "Print a status line this often; 0 prints none", DefaultValueFactory = _ => 10 };
        var run = new Command("run", "Run an edge gateway: read its devices, keep the data in a local store, send rollups to the platform")
        {
            config, check, status,
        };
        run.SetAction((parse, ct) => RunAsync(parse.GetValue(config)!, parse.GetValue(check), parse.GetValue(status),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return run;
    }

    private static async Task<int> RunAsync(string file, bool checkOnly, int statusSeconds, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (statusSeconds < 0)
        {
            await error.WriteLineAsync($"--status-seconds {statusSeconds} must be 0 or more.");
            return 2;
        }

        GatewayConfig config;
        try
        {
            config = GatewayConfigLoader.Load(file);
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return 2;
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{file}: gateway {config.Gateway.Id}, {config.Equipment.Count} equipment, {config.Devices.Count} devices, {config.Tags.Count} tags, {config.KpiEquipment.Count} machines with KPIs, uplink {(config.Uplink is { } u ? $"{u.Host}:{u.Port}" : "none (data stays on site)")}");
        foreach (var warning in config.Warnings)
        {
            await output.WriteLineAsync($"warning: {warning}");
        }

        if (checkOnly)
        {
            await output.WriteLineAsync($"OK {summary}");
            return 0;
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        GatewayHost host;
        try
        {
            host = await GatewayHost.StartAsync(config, file, logging);
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            await error.WriteLineAsync($"The gateway could not start: {e.Message}");
            return 1;
        }

        await using (host)
        {
            await output.WriteLineAsync($"Gateway running. {summary}");
            await output.WriteLineAsync($"Store: {config.Store.Path}. Saving {file} applies device and tag changes. Press Ctrl+C to stop.");
            if (host.LocalPage is { } page)
            {
                await output.WriteLineAsync($"Local dashboard: {page.Url}");
            }
            await CliConsole.StatusUntilCancelledAsync(output, statusSeconds, () => Status(host), ct);

            await output.WriteLineAsync("Stopping the gateway.");
        }

        return 0;
    }

    /// <summary>One line: sources connected, tags with a good value, uplink state and backlog, KPI samples refused.</summary>
    internal static string Status(GatewayHost host)
    {
        var sources = host.Gateway.Sources();
        var tags = host.Gateway.Namespace.Snapshot();
        var uplink = host.Publisher is { } publisher
            ? publisher.Health() is var h && h.Connected ? $"uplink connected, backlog {h.Backlog}" : $"uplink offline ({h.LastError ?? "connecting"}), backlog {h.Backlog}"
            : "no uplink";
        var kpi = host.KpiMinutes.Engine.Health();
        return string.Create(CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] sources {sources.Count(s => s.Connected)}/{sources.Count} connected, tags {tags.Count(t => t.Quality == TagQuality.Good)}/{tags.Count} good, {uplink}, errors {sources.Sum(s => s.Errors)}, KPI minutes {kpi.MinutesClosed} (late samples {kpi.LateSamples}, ahead of the clock {kpi.FutureSamples})");
    }
}
