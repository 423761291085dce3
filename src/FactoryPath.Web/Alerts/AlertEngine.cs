using System.Threading.Channels;
using FactoryPath.Web.Gateways;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Alerts;

/// <summary>Alert evaluation settings ("FactoryPath:Alerts").</summary>
public sealed class AlertOptions
{
    public const string Section = "FactoryPath:Alerts";

    /// <summary>How often KPI rules are evaluated against the stored KPI minutes.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int KpiIntervalSeconds { get; set; } = 30;

    /// <summary>Health reports waiting for evaluation at most; beyond that the oldest waiting one is dropped (the next report carries the current values again).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int QueueLength { get; set; } = 1000;
}

/// <summary>
/// Evaluates alert rules in the background: tag rules on each health report the ingestion stored (queued, so the
/// ingestion never waits), KPI rules every <see cref="AlertOptions.KpiIntervalSeconds"/>. One work item at a time, so
/// a rule's standing per machine is changed by one writer only.
/// </summary>
public sealed class AlertEngine : BackgroundService, IHealthReportObserver
{
    private readonly Channel<HealthStored?> _work;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<AlertOptions> _options;
    private readonly ILogger<AlertEngine> _log;
    private long _dropped;
    private long _failed;

    public AlertEngine(IServiceScopeFactory scopes, IOptions<AlertOptions> options, ILogger<AlertEngine> log)
    {
        _scopes = scopes;
        _options = options;
        _log = log;
        // null in the queue is "evaluate the KPI rules now"
        _work = Channel.CreateBounded<HealthStored?>(new BoundedChannelOptions(options.Value.QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Health reports dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Work items that failed (logged); evaluation goes on with the next one.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Work items evaluated so far (tests wait on it).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    private long _processed;

    public void OnHealthStored(HealthStored stored) => _work.Writer.TryWrite(stored);

    /// <summary>Asks for a KPI evaluation now (besides the periodic one).</summary>
    public void EvaluateKpisSoon() => _work.Writer.TryWrite(null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticker = TickAsync(stoppingToken);
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    var processor = scope.ServiceProvider.GetRequiredService<AlertProcessor>();
                    if (item is null) await processor.ApplyKpisAsync(stoppingToken);
                    else await processor.ApplyHealthAsync(item, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    _log.LogError(e, "Alert evaluation failed for {Work}; the next report or tick evaluates again", item is null ? "the KPI rules" : $"the health report of {item.GatewayId}");
                }
                Interlocked.Increment(ref _processed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the platform is stopping
        }
        await ticker;
    }

    private async Task TickAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.Value.KpiIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) EvaluateKpisSoon();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }
}
