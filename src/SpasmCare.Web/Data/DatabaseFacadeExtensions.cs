using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SpasmCare.Web.Data;

public static class DatabaseFacadeExtensions
{
    /// <summary>Runs a constant statement that returns one value, inside the context's current transaction.</summary>
    public static async Task<string?> ScalarAsync(this DatabaseFacade database, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }

            var result = await command.ExecuteScalarAsync(ct);
            return Convert.ToString(result, CultureInfo.InvariantCulture);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
