using System.Diagnostics;

namespace FactoryPath.Fuzz.Engine;

/// <summary>How long a campaign runs (a count of inputs, or a time), its seed, and what counts as a hang or runaway memory.</summary>
public sealed record CampaignOptions(long? Inputs, TimeSpan? Duration, int Seed)
{
    /// <summary>One input running longer than this is a hang (generous: CI machines are loaded).</summary>
    public TimeSpan InputTimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>One input allocating more than this is runaway memory; inputs are at most 1 MB.</summary>
    public long InputAllocationLimit { get; init; } = 512L * 1024 * 1024;

    /// <summary>The campaign stops after this many distinct findings.</summary>
    public int MaxFindings { get; init; } = 50;
}

/// <summary>What a campaign did: inputs run, accepted and rejected, and the distinct findings (first input of each signature).</summary>
public sealed record CampaignResult(string Target, long Inputs, long Accepted, long Rejected, TimeSpan Elapsed, IReadOnlyList<Finding> Findings, bool Hung)
{
    public double InputsPerSecond => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Runs a target on its corpus entries as they are, then on mutations of them drawn with a seeded random generator, on
/// a worker thread watched by the calling one: an input that runs past the time limit is reported as a hang (the worker
/// is a background thread and is left behind), one that allocates past the limit as runaway memory.
/// </summary>
public static class Campaign
{
    public static CampaignResult Run(FuzzTarget target, IReadOnlyList<byte[]> corpus, CampaignOptions options)
    {
        if (corpus.Count == 0) throw new InvalidOperationException($"target '{target.Name}' has no corpus in {FuzzFolders.Corpus(target.Name)}");
        target.Prepare(corpus);
        var state = new State(target, corpus, options);
        var worker = new Thread(state.Loop) { IsBackground = true, Name = $"fuzz {target.Name}" };
        var clock = Stopwatch.StartNew();
        worker.Start();
        var hung = false;
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var started = Volatile.Read(ref state.InputStarted);
            if (started != 0 && Stopwatch.GetElapsedTime(started) > options.InputTimeLimit && Volatile.Read(ref state.Current) is { } input)
            {
                state.Add(new Finding(target.Name, "Hang", $"one input ran longer than {options.InputTimeLimit.TotalSeconds:0} s", "(still running)", input));
                state.Stop = true;
                hung = true;
                break;
            }
        }

        if (state.Failure is { } failure) throw new InvalidOperationException($"the campaign of '{target.Name}' failed outside the target", failure);
        lock (state.Findings)
        {
            return new CampaignResult(target.Name, state.Inputs, state.Accepted, state.Rejected, clock.Elapsed, state.Findings.ToList(), hung);
        }
    }

    private sealed class State(FuzzTarget target, IReadOnlyList<byte[]> corpus, CampaignOptions options)
    {
        public readonly List<Finding> Findings = [];
        private readonly HashSet<string> signatures = [];
        public long InputStarted;
        public byte[]? Current;
        public volatile bool Stop;
        public long Inputs;
        public long Accepted;
        public long Rejected;
        public Exception? Failure;

        public void Loop()
        {
            try
            {
                var random = new Random(options.Seed);
                var clock = Stopwatch.StartNew();
                for (var i = 0L; !Stop; i++)
                {
                    if (options.Inputs is { } count && i >= count) break;
                    if (options.Duration is { } duration && clock.Elapsed >= duration) break;
                    var input = i < corpus.Count ? corpus[(int)i] : target.Mutate(corpus[random.Next(corpus.Count)], random, corpus);
                    RunOne(input);
                }
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        private void RunOne(byte[] input)
        {
            Volatile.Write(ref Current, input);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Volatile.Write(ref InputStarted, Stopwatch.GetTimestamp());
            try
            {
                if (target.Run(input) == Verdict.Accepted) Interlocked.Increment(ref Accepted);
                else Interlocked.Increment(ref Rejected);
            }
            catch (Exception e)
            {
                Add(Finding.FromException(target.Name, e, input));
            }
            finally
            {
                Volatile.Write(ref InputStarted, 0);
                Interlocked.Increment(ref Inputs);
            }

            var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (used > options.InputAllocationLimit)
            {
                Add(new Finding(target.Name, "Memory", $"one input of {input.Length} bytes allocated {used / (1024 * 1024)} MB", "(allocation)", input));
            }
        }

        public void Add(Finding finding)
        {
            lock (Findings)
            {
                if (!signatures.Add(finding.Signature)) return;
                Findings.Add(finding);
                if (Findings.Count >= options.MaxFindings) Stop = true;
            }
        }
    }
}
