using System.Diagnostics;
using System.Net;
using FactoryPath.Edge.Modbus.Server;
using FactoryPath.Edge.Simulation.Scenario;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Simulation;

/// <summary>How a <see cref="SimulatorHost"/> serves its machines.</summary>
public sealed record SimulatorHostOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Advance the simulation with the wall clock (times the scenario's acceleration). Off, the clock moves only when
    /// the caller calls <see cref="MachineSimulation.Step"/> (tests).
    /// </summary>
    public bool RealTime { get; init; } = true;

    /// <summary>How often the real-time loop steps the simulation and publishes registers.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// The machine simulator in one object: the scenario's machines, a Modbus TCP server serving their registers, and
/// (optionally) a loop that advances the simulated clock in real time. Used by <c>factorypath edge simulate</c>, the
/// platform's demo and tests.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly SimulatorHostOptions _options;
    private readonly ILogger _logger;
    private CancellationTokenSource? _stopping;
    private Task? _clock;

    public SimulatorHost(SimulationScenario scenario, SimulatorHostOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new SimulatorHostOptions();
        if (_options.UpdateInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.UpdateInterval, "The update interval must be positive.");
        }

        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger<SimulatorHost>();
        Simulation = new MachineSimulation(scenario);
        Server = new ModbusTcpServer(new ModbusTcpServerOptions { Address = _options.Address, Port = _options.Port }, factory.CreateLogger<ModbusTcpServer>());
        foreach (var (unitId, bank) in Simulation.Banks)
        {
            Server.AddUnit(unitId, bank);
        }
    }

    public MachineSimulation Simulation { get; }

    public ModbusTcpServer Server { get; }

    /// <summary>The bound TCP port (after <see cref="StartAsync"/>).</summary>
    public int Port => Server.Port;

    public IReadOnlyList<SimulatedMachine> Machines => Simulation.Machines;

    public Task StartAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        Server.Start();
        if (_options.RealTime)
        {
            _stopping = new CancellationTokenSource();
            _clock = RunClockAsync(_stopping.Token);
        }

        _logger.LogInformation("Machine simulator serving {Count} machines on port {Port}", Machines.Count, Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
            if (_clock is { } clock)
            {
                await clock.ConfigureAwait(false);
            }

            stopping.Dispose();
            _stopping = null;
            _clock = null;
        }

        await Server.StopAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunClockAsync(CancellationToken ct)
    {
        // Simulated time follows the wall clock × acceleration; each step covers exactly the wall time since the last.
        var acceleration = Simulation.Scenario.Acceleration;
        var wall = Stopwatch.StartNew();
        var simulatedTicks = 0L;
        using var timer = new PeriodicTimer(_options.UpdateInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var target = (long)(wall.Elapsed.Ticks * acceleration);
                Simulation.Step(TimeSpan.FromTicks(target - simulatedTicks));
                simulatedTicks = target;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
