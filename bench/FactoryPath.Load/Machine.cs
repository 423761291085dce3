namespace FactoryPath.Load;

/// <summary>What the report says about the machine: cores, CPU model, memory, load average (Linux /proc).</summary>
internal static class Machine
{
    public static string Cpu()
    {
        var model = ReadField("/proc/cpuinfo", "model name") ?? "unknown CPU";
        return $"{model}, nproc {Environment.ProcessorCount}";
    }

    public static string Memory() => ReadField("/proc/meminfo", "MemTotal") ?? "unknown";

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? ReadField(string file, string name)
    {
        try
        {
            return File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
