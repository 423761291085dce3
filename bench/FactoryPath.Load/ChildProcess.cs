using System.Diagnostics;
using System.Text;

namespace FactoryPath.Load;

/// <summary>A child process whose output is kept (the last lines, for failure messages) and which is killed by its pid.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process process;
    private readonly Queue<string> lines = new();
    private readonly StringBuilder stdout = new();

    private readonly bool echo;

    private ChildProcess(Process process, bool echo)
    {
        this.process = process;
        this.echo = echo;
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    /// <param name="echo">Also write each line to this process's output as it comes (a long data generation shows its progress).</param>
    public static ChildProcess Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null,
        bool echo = false)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var child = new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}"), echo);
        child.process.OutputDataReceived += (_, e) => child.Note(e.Data, toStdout: true);
        child.process.ErrorDataReceived += (_, e) => child.Note(e.Data, toStdout: false);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Everything written to standard output (wrk's figures).</summary>
    public string StandardOutput
    {
        get
        {
            lock (lines) return stdout.ToString();
        }
    }

    /// <summary>The last lines of standard output and error, interleaved.</summary>
    public string Tail
    {
        get
        {
            lock (lines) return string.Join('\n', lines);
        }
    }

    /// <summary>Waits for the exit; false (and the process killed) when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            process.WaitForExit(); // the output events have been raised
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            if (ct.IsCancellationRequested) throw;
            return false;
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Note(string? line, bool toStdout)
    {
        if (line is null) return;
        if (echo) Console.WriteLine("  " + line);
        lock (lines)
        {
            if (toStdout) stdout.AppendLine(line);
            lines.Enqueue(line);
            while (lines.Count > KeptLines) lines.Dequeue();
        }
    }
}
