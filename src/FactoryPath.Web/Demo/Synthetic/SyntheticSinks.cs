using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// PostgreSQL: tables with a <see cref="CopyShape{T}"/> are buffered and copied in with binary COPY at the end of each
/// batch, in the order first written, in one transaction; the others go through EF Core's batched inserts (its provider
/// writes the arrays, JSON and date-times), tracking cleared after every batch so memory stays flat. A pass either
/// copies all its tables or none (the passes with COPY shapes write only such tables), so parents go in first.
/// </summary>
internal sealed class PostgresSink(PlatformDbContext db) : IRowSink
{
    private readonly List<KeyValuePair<string, int>> _rows = [];
    private readonly List<Func<NpgsqlConnection, CancellationToken, Task>> _copies = [];
    private readonly Dictionary<string, object> _buffers = new(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, int>> Rows => _rows;

    public void Begin()
    {
    }

    public void Add<T>(TableShape<T> shape, T row) where T : class
    {
        var i = _rows.FindIndex(r => r.Key == shape.Table);
        if (i < 0) _rows.Add(KeyValuePair.Create(shape.Table, 1));
        else _rows[i] = KeyValuePair.Create(shape.Table, _rows[i].Value + 1);
        if (CopyShapes.For<T>(shape.Table) is not { } copy)
        {
            db.Set<T>().Add(row);
            return;
        }

        if (!_buffers.TryGetValue(shape.Table, out var buffer))
        {
            var rows = new List<T>();
            _buffers[shape.Table] = buffer = rows;
            _copies.Add(async (connection, ct) =>
            {
                await copy.WriteAsync(connection, rows, ct);
                rows.Clear();
            });
        }

        ((List<T>)buffer).Add(row);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_copies.Count > 0)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var copy in _copies) await copy(connection, ct);
            await tx.CommitAsync(ct);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public void Dispose()
    {
    }
}
