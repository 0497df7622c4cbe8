using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>Builds parameterised commands and reads their rows; values only ever travel as parameters.</summary>
internal static class CommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of the repositories; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Sets the named parameter, adding it on a new command and overwriting it on a kept one.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index >= 0)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
            return command;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellation)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
    }

    public static async Task<long> ScalarInt64Async(this DbCommand command, CancellationToken cancellation)
    {
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellation)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellation)
        where T : class
    {
        var rows = await command.ListAsync(map, cancellation).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }
}
