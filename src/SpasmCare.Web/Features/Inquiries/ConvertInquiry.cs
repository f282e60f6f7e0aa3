using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// Turns an inquiry into a registered patient: the registration itself is <see cref="RegisterPatient"/> (with its
/// duplicate-patient check), then the inquiry is linked to the new patient. Registration commits first; the link
/// follows in a second save, retried if someone was editing the inquiry at that moment.
/// </summary>
public static class ConvertInquiry
{
    /// <summary>The registration form, pre-filled from what the visitor sent; staff add sex and date of birth.</summary>
    public static RegisterPatient.Request Prefill(Inquiry inquiry)
    {
        var (given, family) = SplitName(inquiry.Name);
        return new RegisterPatient.Request
        {
            Patient = new PatientInput
            {
                GivenName = given,
                FamilyName = family,
                Mobile = inquiry.Mobile,
                Email = inquiry.Email,
                PreferredLanguage = inquiry.PreferredLanguage,
                // Consent to be contacted about the inquiry is not consent to contact about care: asked again.
                ContactConsent = false,
            },
        };
    }

    /// <summary>"Ramesh Kumar Kulkarni" → ("Ramesh Kumar", "Kulkarni"); a single name stays a given name.</summary>
    public static (string Given, string? Family) SplitName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => ("", null),
            1 => (words[0], null),
            _ => (string.Join(' ', words[..^1]), words[^1]),
        };
    }

    public sealed class Handler(SpasmCareDbContext db, RegisterPatient.Handler register, AuditLog audit, ICurrentUser user,
        TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>The new patient, or null when there is no such inquiry.</summary>
        public async Task<Patient?> HandleAsync(Guid inquiryId, RegisterPatient.Request request, CancellationToken ct)
        {
            var current = await db.Inquiries.AsNoTracking()
                .Where(i => i.Id == inquiryId)
                .Select(i => new { i.PatientId })
                .FirstOrDefaultAsync(ct);
            if (current is null)
            {
                return null;
            }

            if (current.PatientId is not null)
            {
                throw new RuleException("inquiry.already-converted", "This inquiry has already been registered as a patient.");
            }

            // The registration and the link commit together: a failure leaves neither a patient nor a link.
            Patient patient;
            try
            {
                patient = await register.HandleAsync(request, async registered =>
                {
                    var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == inquiryId, ct)
                        ?? throw new RuleException("inquiry.gone",
                            "This inquiry no longer exists (inquiries that never became patients are deleted after a while). Nothing was registered.");
                    if (inquiry.PatientId is not null)
                    {
                        throw new RuleException("inquiry.converted-meanwhile",
                            "Someone else registered this inquiry as a patient at the same moment. Nothing was registered: open the inquiry again.");
                    }

                    var now = Clock.UtcNow(time);
                    inquiry.LinkPatient(registered.Id, now);
                    inquiry.Version = Guid.CreateVersion7();
                    db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Converted, "Registered as patient " + registered.Mrn, user, now));
                    audit.Record(AuditAction.InquiryConverted, "Inquiry", inquiryId.ToString(), registered.Id);
                    await db.SaveChangesAsync(ct);
                }, ct);
            }
            catch (Exception ex) when (ex is DbUpdateConcurrencyException || ex is RuleException { Code: "inquiry.gone" or "inquiry.converted-meanwhile" })
            {
                // Rolled back: record the failed attempt on its own, then tell the person.
                db.ChangeTracker.Clear();
                audit.Record(AuditAction.InquiryConverted, "Inquiry", inquiryId.ToString(), null, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "not converted: the inquiry changed meanwhile");
                await db.SaveChangesAsync(ct);
                throw ex as RuleException ?? new RuleException("inquiry.changed-meanwhile",
                    "Someone changed this inquiry while you were registering it. Nothing was registered: open it again and repeat.");
            }

            logger.InquiryConverted(inquiryId, patient.Id);
            return patient;
        }
    }
}
