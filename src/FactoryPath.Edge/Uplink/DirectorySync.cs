using System.Runtime.InteropServices;
using System.Text;

namespace FactoryPath.Edge.Uplink;

/// <summary>
/// Makes a folder's entries durable: on Linux a new file or a rename is only certain to survive a power loss once the
/// folder itself is fsynced (POSIX.1-2017, fsync(): "… it is also necessary to call fsync() on the directory"). Other
/// systems: nothing to do here (the file flush covers it or no portable call exists).
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Encoding.UTF8.GetBytes(Path.GetFullPath(directory) + "\0");
        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open folder {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"cannot flush folder {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not allow
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
