using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Reminders of an appointment, written into the outbox as scheduled messages (due at start minus each lead time)
/// in the same transaction as the booking: the caller saves. Moving or cancelling the appointment cancels the
/// pending ones. (Contract for the scheduling module; the messaging module implements it.)
/// </summary>
public sealed class AppointmentReminders(TimeProvider time)
{
    /// <summary>Adds (unsaved) outbox rows for every lead time still ahead and every channel the patient opted in to.</summary>
    public async Task ScheduleAsync(SpasmCareDbContext db, Appointment appointment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var now = Clock.UtcNow(time);
        if (appointment.Status != AppointmentStatus.Booked || appointment.StartUtc <= now)
        {
            return;
        }

        var leads = await ReminderSettings.LoadAsync(db, ct);
        var dues = leads.Select(l => appointment.StartUtc - l).Where(d => d > now).ToList();
        if (dues.Count == 0)
        {
            return;
        }

        var recipient = await PatientMessages.RecipientAsync(db, appointment.PatientId, ct);
        if (recipient is null || recipient.Addresses.Count == 0)
        {
            return;
        }

        var site = await db.Sites.AsNoTracking()
            .Where(s => s.Id == appointment.SiteId)
            .Select(s => new { s.Name, s.Address, s.City, s.Phone, s.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        var type = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Id == appointment.TypeId)
            .Select(t => new { t.Code, t.Name, t.IsRemote })
            .FirstOrDefaultAsync(ct);
        var practitioner = await db.ScheduleResources.AsNoTracking()
            .Where(r => r.Id == appointment.PractitionerId)
            .Select(r => r.Name)
            .FirstOrDefaultAsync(ct);
        if (site is null || type is null)
        {
            return;
        }

        var local = Assessments.VisitTime.Local(appointment.StartUtc, site.TimeZoneId);
        IReadOnlyDictionary<string, string> ValuesIn(Patients.Language language) => new Dictionary<string, string>
        {
            ["patient"] = recipient.GivenName,
            ["date"] = MessageTemplates.Date(local, language),
            ["time"] = MessageTemplates.Time(local, language),
            ["type"] = MessageTemplates.TypeName(type.Code, type.Name, type.IsRemote, language),
            ["practitioner"] = practitioner ?? "",
            ["place"] = MessageTemplates.Place(type.IsRemote, site.Name, site.Address, site.City, language),
            ["site"] = site.Name,
            ["phone"] = site.Phone,
        };

        foreach (var due in dues)
        {
            await PatientMessages.WriteAsync(db, recipient, MessageTemplates.AppointmentReminder, due, ValuesIn, now, appointment.Id, ct);
        }
    }

    /// <summary>Marks (unsaved) the appointment's pending reminders <see cref="OutboxStatus.Cancelled"/>.</summary>
    public async Task CancelPendingAsync(SpasmCareDbContext db, Guid appointmentId, CancellationToken ct)
    {
        // A reminder a worker is sending at this very moment is left to it: touching it would make the caller's save
        // fail on the lease's concurrency token, and a booking must never fail because of a message.
        var now = Clock.UtcNow(time);
        var pending = await db.OutboxMessages
            .Where(m => m.AppointmentId == appointmentId && m.Status == OutboxStatus.Pending
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ToListAsync(ct);
        foreach (var message in pending)
        {
            message.Status = OutboxStatus.Cancelled;
            // Data minimisation: a message that will never be sent need not keep its text.
            message.TextBody = "";
            message.HtmlBody = null;
        }

        // Rows added earlier in this unit of work (booked and moved before saving) are not in the database yet.
        foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>()
                     .Where(e => e.State == EntityState.Added && e.Entity.AppointmentId == appointmentId && e.Entity.Status == OutboxStatus.Pending))
        {
            entry.State = EntityState.Detached;
        }
    }
}
