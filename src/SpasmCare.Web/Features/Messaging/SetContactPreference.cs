using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Records a patient's opt-in or opt-out for one channel, as staff heard it (at the desk, on the phone) or as the
/// patient replied by SMS. Audited with the patient. Messages already queued are checked again when due, so an
/// opt-out stops them without touching the queue.
/// </summary>
public static class SetContactPreference
{
    public sealed class Request
    {
        public MessageChannel Channel { get; set; }
        public bool OptIn { get; set; }

        /// <summary>The version of the choice the page showed; null when there was none yet.</summary>
        public Guid? Version { get; set; }
    }

    public const string Conflict = "Someone else changed this choice after you opened the page. Nothing was changed; check it and choose again.";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    {
        /// <summary>Returns false when there is no such patient.</summary>
        /// <exception cref="RuleException">The choice changed since the page was shown.</exception>
        public async Task<bool> HandleAsync(Guid patientId, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            {
                return false;
            }

            var current = await db.ContactPreferences.FirstOrDefaultAsync(c => c.PatientId == patientId && c.Channel == request.Channel, ct);
            if (current?.Version != request.Version)
            {
                throw new RuleException("conflict", Conflict);
            }

            Apply(db, patientId, request.Channel, request.OptIn, ContactPreferenceSource.Staff, user.UserId, Clock.UtcNow(time), current);
            audit.Record(AuditAction.ContactPreferenceChanged, "Patient", patientId.ToString(), patientId,
                detail: $"{MessageTemplates.Label(request.Channel)}: {(request.OptIn ? "opted in" : "opted out")} (staff)");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent first choice (unique patient × channel) or a concurrent change (version).
                throw new RuleException("conflict", Conflict);
            }

            return true;
        }
    }

    /// <summary>Sets (unsaved) the choice, adding the row when the patient has none for the channel yet.</summary>
    public static ContactPreference Apply(SpasmCareDbContext db, Guid patientId, MessageChannel channel, bool optIn,
        ContactPreferenceSource source, Guid? by, DateTime nowUtc, ContactPreference? current)
    {
        if (current is null)
        {
            current = new ContactPreference { PatientId = patientId, Channel = channel };
            db.ContactPreferences.Add(current);
        }

        current.OptedIn = optIn;
        current.Source = source;
        current.ChangedAtUtc = nowUtc;
        current.ChangedBy = by;
        return current;
    }
}
