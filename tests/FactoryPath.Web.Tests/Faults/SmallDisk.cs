using System.Diagnostics;

namespace FactoryPath.Web.Tests.Faults;

/// <summary>
/// A real, size-limited file system for fault tests: a tmpfs mounted (as root) on a new temporary folder. Writing past
/// its size fails with ENOSPC exactly as a full disk does, and it can be remounted read-only (EROFS) and writable again.
/// Chosen over a loop-mounted image file because it needs no image, no mkfs and no loop device (often missing in
/// containers), only root (./test.sh runs as root in CI). Without root the constructor fails the test, saying so:
/// a fault test must never pass without its fault.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(long bytes)
    {
        if (!Environment.IsPrivilegedProcess)
            Assert.Fail($"This fault test needs root to mount a {bytes / 1024 / 1024} MB tmpfs (a real small disk); run it as root, as ./test.sh does in CI. It does not pass without its fault.");
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "factorypath-tests", "disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "factorypath-test", Path);
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Bytes still free, as the file system reports them.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void ReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Writable() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Writes zeros to <paramref name="name"/> until the disk is full (ENOSPC); returns the file's path.</summary>
    public string Fill(string name = "filler")
    {
        var file = System.IO.Path.Combine(Path, name);
        var block = new byte[64 * 1024];
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        try
        {
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
            // full: now the last bytes, a page or less at a time
        }
        foreach (var size in new[] { 4096, 512, 1 })
        {
            try
            {
                while (true) stream.Write(block, 0, size);
            }
            catch (IOException)
            {
                // full at this size
            }
        }
        return file;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!TryRun("umount", Path)) TryRun("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private static void Run(params string[] args)
    {
        if (!TryRun(args, out var error)) Assert.Fail($"`{string.Join(' ', args)}` failed: {error}");
    }

    private static bool TryRun(params string[] args) => TryRun(args, out _);

    private static bool TryRun(string[] args, out string error)
    {
        using var process = Process.Start(new ProcessStartInfo(args[0], args[1..]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
