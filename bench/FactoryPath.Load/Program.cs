using System.Runtime.InteropServices;
using FactoryPath.Load;

// bench/load/run.sh builds the platform and this driver, then starts it with --root and the user's arguments.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine($"load: {error}");
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
// Ctrl-C, kill and a closed terminal stop the run; the platform and wrk are then killed by pid in LoadRun's finally
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

try
{
    return await LoadRun.RunAsync(options, stop.Token);
}
catch (LoadTestException e)
{
    Console.Error.WriteLine($"load: FAILED: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("load: stopped");
    return 130;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
