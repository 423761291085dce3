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
}
