using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpasmCare.Web.Data;

/// <summary>Created/Updated stamps and a fresh concurrency token on every saved <see cref="IVersioned"/> row.</summary>
public sealed class StampInterceptor(TimeProvider time, ICurrentUser currentUser) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = Clock.UtcNow(time);
        var userId = currentUser.UserId;
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAtUtc = now;
                    entry.Entity.CreatedBy = userId;
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.UpdatedBy = userId;
                    if (entry.Entity.Version == Guid.Empty)
                    {
                        entry.Entity.Version = Guid.CreateVersion7();
                    }

                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.UpdatedBy = userId;
                    // A handler that needs the new version up front (to write a revision) sets it itself.
                    var version = entry.Property(e => e.Version);
                    if (Equals(version.CurrentValue, version.OriginalValue))
                    {
                        version.CurrentValue = Guid.CreateVersion7();
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
