using Microsoft.Data.Sqlite;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>SQLite's EXPLAIN QUERY PLAN for a statement, one detail line per step.</summary>
public static class QueryPlan
{
    public static IReadOnlyList<string> Explain(SqliteConnection connection, CapturedCommand statement)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = explain.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return steps;
    }

    /// <summary>Prints the statement and its plan as BenchmarkDotNet comment lines, flagging a plan that skips the index.</summary>
    public static void Print(string title, SqliteConnection connection, CapturedCommand statement, string expectedIndex)
    {
        var steps = Explain(connection, statement);
        Console.WriteLine($"// {title}:");
        foreach (var line in statement.Sql.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Console.WriteLine($"//     {line}");
        }

        foreach (var step in steps)
        {
            Console.WriteLine($"//   plan: {step}");
        }

        if (!steps.Any(s => s.Contains(expectedIndex, StringComparison.Ordinal)))
        {
            Console.WriteLine($"//   WARNING: the plan does not use {expectedIndex}");
        }
    }
}
