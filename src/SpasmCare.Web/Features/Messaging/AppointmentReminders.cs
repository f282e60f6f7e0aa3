using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Reminders of an appointment, written into the outbox as scheduled messages (due at start minus each lead time)
/// in the same transaction as the booking: the caller saves. Moving or cancelling the appointment cancels the
/// pending ones. (Contract for the scheduling module; the messaging module implements it.)
/// </summary>
public sealed class AppointmentReminders
{
    /// <summary>Adds (unsaved) outbox rows for every lead time still ahead and every channel the patient opted in to.</summary>
    public Task ScheduleAsync(SpasmCareDbContext db, Appointment appointment, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Marks (unsaved) the appointment's pending reminders <see cref="OutboxStatus.Cancelled"/>.</summary>
    public Task CancelPendingAsync(SpasmCareDbContext db, Guid appointmentId, CancellationToken ct) => Task.CompletedTask;
}
