using System.Text.RegularExpressions;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Patients;

/// <summary>
/// One search box: part of a name (any order of given and family name, case-insensitive, matched at the start of
/// each word), an MRN, a mobile number or an ABHA number or address. Every patient returned is audited.
/// </summary>
public static partial class SearchPatients
{
    public const int QueryMax = 100;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int DriverCountCap = 5000;

    public sealed record Summary(
        Guid Id, string Mrn, string Name, Sex Sex, DateOnly BirthDate, string Age, string Mobile, bool IsActive);

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        public async Task<List<Summary>> HandleAsync(string? query, int limit, bool includeInactive, CancellationToken ct)
        {
            var q = (query ?? "").Trim();
            if (q.Length == 0)
            {
                return [];
            }

            limit = Math.Clamp(limit, 1, MaxLimit);
            var rows = LooksLikeName(q)
                ? await ByNameAsync(q, limit, includeInactive, ct)
                : await ByIdentifierAsync(q, limit, includeInactive, ct);
            var today = clock.Today;
            var results = rows.Select(p => new Summary(
                p.Id, p.Mrn, PatientFormats.FullName(p.GivenName, p.FamilyName),
                p.Sex, p.BirthDate, PatientFormats.AgeOn(p.BirthDate, today),
                PatientFormats.FormatMobile(p.Mobile), p.IsActive)).ToList();
            foreach (var r in results)
            {
                audit.Read(AuditAction.PatientSearched, r.Id);
            }

            return results;
        }

        private sealed record Row(Guid Id, string Mrn, string GivenName, string FamilyName, Sex Sex, DateOnly BirthDate,
            string Mobile, bool IsActive);

        private static bool LooksLikeName(string q) =>
            !MrnRegex().IsMatch(q) && !q.Contains('@', StringComparison.Ordinal) && !NumberRegex().IsMatch(q);

        /// <summary>
        /// Driven by the (Term, SortName) index: the longest word's matches come out already in display order, and
        /// the query stops as soon as it has enough; other words are checked per candidate.
        /// </summary>
        private async Task<List<Row>> ByNameAsync(string q, int limit, bool includeInactive, CancellationToken ct)
        {
            var tokens = PatientFormats.Tokens(q).Distinct().OrderByDescending(t => t.Length).Take(4).ToList();
            if (tokens.Count == 0)
            {
                return [];
            }

            // Drive from the word with the fewest matches (counted up to a cap, from the index alone); the others
            // are checked on the same index entry (its Words), before the patient row is read.
            if (tokens.Count > 1)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var token in tokens)
                {
                    var high = token + char.MaxValue;
                    counts[token] = await db.PatientNameTerms
                        .Where(t => t.Term.CompareTo(token) >= 0 && t.Term.CompareTo(high) < 0)
                        .OrderBy(t => t.Term) // the index order; only there so that the cap is well defined
                        .Take(DriverCountCap)
                        .CountAsync(ct);
                }

                tokens = tokens.OrderBy(t => counts[t]).ThenByDescending(t => t.Length).ToList();
            }

            var (first, firstHigh) = (tokens[0], tokens[0] + char.MaxValue);
            var terms = db.PatientNameTerms.Where(t => t.Term.CompareTo(first) >= 0 && t.Term.CompareTo(firstHigh) < 0);
            foreach (var token in tokens.Skip(1))
            {
                // Words holds only letters, digits and spaces, so the token needs no LIKE escaping.
                var pattern = PatientNameTerm.WordStartPattern(token);
                terms = terms.Where(t => EF.Functions.Like(t.Words, pattern));
            }

            var matches =
                from t in terms
                join p in db.Patients on t.PatientId equals p.Id
                where includeInactive || p.IsActive
                select new { t.Term, t.SortName, t.PatientId, Patient = p };

            // A patient can match the first word twice (given and family name): read a few extra, keep each once.
            var rows = await matches
                .OrderBy(m => m.Term).ThenBy(m => m.SortName).ThenBy(m => m.PatientId)
                .Take(limit * 2)
                .Select(m => new Row(m.Patient.Id, m.Patient.Mrn, m.Patient.GivenName, m.Patient.FamilyName, m.Patient.Sex,
                    m.Patient.BirthDate, m.Patient.Mobile, m.Patient.IsActive))
                .AsNoTracking()
                .ToListAsync(ct);
            return rows.DistinctBy(r => r.Id).Take(limit).ToList();
        }

        private async Task<List<Row>> ByIdentifierAsync(string q, int limit, bool includeInactive, CancellationToken ct)
        {
            var patients = Filter(db.Patients.AsNoTracking(), q);
            if (!includeInactive)
            {
                patients = patients.Where(p => p.IsActive);
            }

            return await patients
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Mrn)
                .Take(limit)
                .Select(p => new Row(p.Id, p.Mrn, p.GivenName, p.FamilyName, p.Sex, p.BirthDate, p.Mobile, p.IsActive))
                .ToListAsync(ct);
        }

        private static IQueryable<Patient> Filter(IQueryable<Patient> patients, string q)
        {
            var mrn = MrnRegex().Match(q);
            if (mrn.Success)
            {
                // "SC-0001" is a prefix as typed; "sc-123" also finds SC-000123.
                var typed = mrn.Groups[1].Value;
                var prefix = PatientFormats.MrnPrefix + typed;
                var high = prefix + char.MaxValue;
                var exact = PatientFormats.FormatMrn(long.Parse(typed, System.Globalization.CultureInfo.InvariantCulture));
                return patients.Where(p => p.Mrn == exact || (p.Mrn.CompareTo(prefix) >= 0 && p.Mrn.CompareTo(high) < 0));
            }

            if (q.Contains('@', StringComparison.Ordinal))
            {
                var address = q.ToLowerInvariant();
                return patients.Where(p => p.AbhaAddress == address);
            }

            return ByNumber(patients, new string(q.Where(char.IsAsciiDigit).ToArray()));
        }

        private static IQueryable<Patient> ByNumber(IQueryable<Patient> patients, string digits)
        {
            if (digits.Length == 14)
            {
                return patients.Where(p => p.AbhaNumber == digits);
            }

            var mobile = PatientFormats.NormalizeMobile(digits);
            if (mobile is not null)
            {
                return patients.Where(p => p.Mobile == mobile);
            }

            if (digits.Length <= 6 && long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                var byMrn = PatientFormats.FormatMrn(number);
                if (digits.Length < 4)
                {
                    return patients.Where(p => p.Mrn == byMrn);
                }

                var high = digits + char.MaxValue;
                return patients.Where(p => p.Mrn == byMrn
                    || (p.Mobile.CompareTo(digits) >= 0 && p.Mobile.CompareTo(high) < 0));
            }

            var prefixHigh = digits + char.MaxValue;
            return patients.Where(p => (p.Mobile.CompareTo(digits) >= 0 && p.Mobile.CompareTo(prefixHigh) < 0)
                || (p.AbhaNumber != null && p.AbhaNumber.CompareTo(digits) >= 0 && p.AbhaNumber.CompareTo(prefixHigh) < 0));
        }
    }

    [GeneratedRegex(@"^sc-?(\d{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex MrnRegex();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]*$")]
    private static partial Regex NumberRegex();
}
