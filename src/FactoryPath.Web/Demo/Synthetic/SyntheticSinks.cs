using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>Where a pass of generated rows goes: rows are added inside a batch that <see cref="CommitAsync"/> ends.</summary>
internal interface IRowSink : IDisposable
{
    /// <summary>Rows added so far, per table, in the order the tables were first written.</summary>
    IReadOnlyList<KeyValuePair<string, int>> Rows { get; }

    void Begin();

    void Add<T>(TableShape<T> shape, T row) where T : class;

    Task CommitAsync(CancellationToken ct);
}

/// <summary>SQLite: one prepared INSERT per table, reused for every row, one transaction per batch.</summary>
internal sealed class SqliteSink(SqliteConnection connection) : IRowSink
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, int>> _rows = [];
    private SqliteTransaction? _tx;

    public IReadOnlyList<KeyValuePair<string, int>> Rows => _rows;

    public void Begin()
    {
        _tx = connection.BeginTransaction();
        foreach (var command in _commands.Values) command.Transaction = _tx;
    }

    public void Add<T>(TableShape<T> shape, T row) where T : class
    {
        if (!_commands.TryGetValue(shape.Table, out var command))
        {
            command = shape.Prepare(connection);
            command.Transaction = _tx;
            command.Prepare();
            _commands[shape.Table] = command;
            _rows.Add(KeyValuePair.Create(shape.Table, 0));
        }

        shape.Bind(command, row);
        command.ExecuteNonQuery();
        var i = _rows.FindIndex(r => r.Key == shape.Table);
        _rows[i] = KeyValuePair.Create(shape.Table, _rows[i].Value + 1);
    }

    public Task CommitAsync(CancellationToken ct)
    {
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tx?.Dispose();
        foreach (var command in _commands.Values) command.Dispose();
    }
}

/// <summary>PostgreSQL: EF Core's batched inserts, tracking cleared after every batch so memory stays flat.</summary>
internal sealed class TrackedSink(PlatformDbContext db) : IRowSink
{
    private readonly List<KeyValuePair<string, int>> _rows = [];

    public IReadOnlyList<KeyValuePair<string, int>> Rows => _rows;

    public void Begin()
    {
    }

    public void Add<T>(TableShape<T> shape, T row) where T : class
    {
        db.Set<T>().Add(row);
        var i = _rows.FindIndex(r => r.Key == shape.Table);
        if (i < 0) _rows.Add(KeyValuePair.Create(shape.Table, 1));
        else _rows[i] = KeyValuePair.Create(shape.Table, _rows[i].Value + 1);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public void Dispose()
    {
    }
}
