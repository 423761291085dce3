using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactoryPath.Web.Persistence;

/// <summary>Database errors recognised the same way on SQLite and PostgreSQL.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A save refused by a constraint: SQLite's SQLITE_CONSTRAINT (19), PostgreSQL's unique_violation (SQLSTATE 23505,
    /// PostgreSQL 15 documentation, appendix A "PostgreSQL Error Codes").
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// A write the database refused because it is read-only, anywhere in the exception's chain: SQLite's SQLITE_READONLY
    /// (8, with its extended codes 264, 520, 776, 1032, 1288, 1544; SQLite documentation "Result and Error Codes", sections
    /// 3 and 5) — the file, its folder or the mount is not writable — or PostgreSQL's read_only_sql_transaction
    /// (SQLSTATE 25006, PostgreSQL 15 documentation, appendix A): <c>default_transaction_read_only</c>, a standby server.
    /// </summary>
    public static bool IsReadOnly(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 8 } or SqliteException { SqliteExtendedErrorCode: 8 or 264 or 520 or 776 or 1032 or 1288 or 1544 }
                or PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction })
            {
                return true;
            }
        }

        return false;
    }
}
