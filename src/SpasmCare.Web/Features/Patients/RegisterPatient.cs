using Microsoft.Extensions.Options;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Patients;

public static class RegisterPatient
{
    public sealed class Request
    {
        [Required] public PatientInput Patient { get; set; } = new();

        /// <summary>Set after the user has seen the possible duplicates and confirmed this is a different person.</summary>
        public bool ConfirmedNotDuplicate { get; set; }
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time,
        IOptions<ConsentOptions> consent, ILogger<Handler> logger)
    {
        public Task<Patient> HandleAsync(Request request, CancellationToken ct) => HandleAsync(request, null, ct);

        /// <summary>
        /// Registers the patient; <paramref name="alsoInTheSameTransaction"/>, when given, runs after the patient is
        /// saved and before the commit (for example linking the inquiry the patient came from), so that either
        /// both are saved or neither is.
        /// </summary>
        public async Task<Patient> HandleAsync(Request request, Func<Patient, Task>? alsoInTheSameTransaction, CancellationToken ct)
        {
            var input = request.Patient;
            await CheckUniqueIdentifiersAsync(db, input, null, ct);
            var duplicates = await PossibleDuplicates.FindAsync(db, input, null, ct);
            if (duplicates.Count > 0 && !request.ConfirmedNotDuplicate)
            {
                throw new RuleException("possible-duplicate",
                    "This may be a patient who is already registered: " + PossibleDuplicates.Describe(duplicates) +
                    ". Open that record instead, or confirm that this is a different person.",
                    nameof(Request.ConfirmedNotDuplicate));
            }

            var now = Clock.UtcNow(time);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var mrn = PatientFormats.FormatMrn(await db.NextAsync(Counter.Mrn, ct));
            var patient = Patient.Register(mrn, input, consent.Value.NoticeVersion, now,
                duplicates.Count > 0 ? string.Join(", ", duplicates.Select(d => d.Mrn)) : null);
            patient.Version = Guid.CreateVersion7();
            db.Patients.Add(patient);
            db.PatientRevisions.Add(PatientRevision.Of(patient, PatientChange.Registered, now, user));
            audit.Record(AuditAction.PatientRegistered, "Patient", patient.Id.ToString(), patient.Id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Lost a race with another registration of the same ABHA number or address.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await CheckUniqueIdentifiersAsync(db, input, null, ct);
                throw;
            }

            if (alsoInTheSameTransaction is not null)
            {
                await alsoInTheSameTransaction(patient);
            }

            await transaction.CommitAsync(ct);
            logger.PatientRegistered(patient.Id);
            return patient;
        }
    }

    /// <summary>ABHA numbers and addresses identify one person: refuse a second record with the same one.</summary>
    internal static async Task CheckUniqueIdentifiersAsync(SpasmCareDbContext db, PatientInput input, Guid? self, CancellationToken ct)
    {
        var abha = PatientFormats.NormalizeAbhaNumber(input.AbhaNumber);
        if (abha is not null && await db.Patients.AnyAsync(p => p.AbhaNumber == abha && p.Id != self, ct))
        {
            throw new RuleException("abha-number-taken",
                "Another patient already has this ABHA number. Search for it to open their record.",
                nameof(PatientInput.AbhaNumber));
        }

        var address = PatientFormats.NormalizeAbhaAddress(input.AbhaAddress);
        if (address is not null && await db.Patients.AnyAsync(p => p.AbhaAddress == address && p.Id != self, ct))
        {
            throw new RuleException("abha-address-taken",
                "Another patient already has this ABHA address. Search for it to open their record.",
                nameof(PatientInput.AbhaAddress));
        }
    }
}

public static class PossibleDuplicates
{
    public sealed record Match(Guid Id, string Mrn, string Reason);

    /// <summary>Same mobile number, or the same name and date of birth.</summary>
    public static async Task<List<Match>> FindAsync(SpasmCareDbContext db, PatientInput input, Guid? self, CancellationToken ct)
    {
        var mobile = PatientFormats.NormalizeMobile(input.Mobile);
        var given = input.GivenName.Trim();
        var family = (input.FamilyName ?? "").Trim();
        var birth = input.BirthDate;
        var sameMobile = await db.Patients.AsNoTracking()
            .Where(p => p.Id != self && p.Mobile == mobile)
            .OrderBy(p => p.Mrn)
            .Take(5)
            .Select(p => new Match(p.Id, p.Mrn, "same mobile"))
            .ToListAsync(ct);
        // Everyone born that day (a handful, or more for placeholder dates such as 1 January); names compared here
        // so that case and spacing do not matter.
        var sameBirth = await db.Patients.AsNoTracking()
            .Where(p => p.Id != self && p.BirthDate == birth && p.Mobile != mobile)
            .Select(p => new { p.Id, p.Mrn, p.GivenName, p.FamilyName })
            .ToListAsync(ct);
        return sameMobile
            .Concat(sameBirth
                .Where(p => string.Equals(p.GivenName, given, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(p.FamilyName, family, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Mrn, StringComparer.Ordinal)
                .Take(5)
                .Select(p => new Match(p.Id, p.Mrn, "same name and date of birth")))
            .ToList();
    }

    public static string Describe(IEnumerable<Match> matches) =>
        string.Join("; ", matches.Select(m => $"{m.Mrn} ({m.Reason})"));
}
