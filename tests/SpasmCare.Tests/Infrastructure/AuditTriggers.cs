using Microsoft.EntityFrameworkCore;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Removes the database's append-only guard on AuditEvents, as someone with direct database access could.</summary>
public static class AuditTriggers
{
    public static Task<int> DropAsync(AppFactory app) => app.WithDbAsync(db => app.Provider switch
    {
        DatabaseProvider.Sqlite => db.Database.ExecuteSqlRawAsync(
            "DROP TRIGGER \"AuditEvents_NoUpdate\"; DROP TRIGGER \"AuditEvents_NoDelete\";"),
        DatabaseProvider.Postgres => db.Database.ExecuteSqlRawAsync(
            "DROP TRIGGER \"AuditEvents_AppendOnly\" ON \"AuditEvents\";"),
        _ => throw new ArgumentOutOfRangeException(nameof(app)),
    });
}
