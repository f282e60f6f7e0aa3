using System.Globalization;
using System.Text;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Every patient and session that received a lot: from the vial ledger (draws less returns, per session), with the
/// patient's name, MRN and phone, the session's date, site and clinician. Works for recalled and unrecalled lots.
/// </summary>
public static class LotRecallPatients
{
    public sealed record Row(Guid PatientId, string PatientName, string Mrn, string Phone, Guid SessionId, DateTime? SessionAtUtc,
        string SessionDate, string Site, string Clinician, decimal Units, bool EnteredInError);

    public sealed record VialCount(string Site, VialStatus Status, int Count);

    public sealed record View(ToxinProduct Product, string Lot, ToxinLotRecall? Recall, string? RecordedBy, IReadOnlyList<VialCount> Vials,
        IReadOnlyList<Row> Rows)
    {
        public IEnumerable<Guid> Patients => Rows.Select(r => r.PatientId).Distinct();
        public decimal TotalUnits => Rows.Where(r => !r.EnteredInError).Sum(r => r.Units);
    }

    public sealed class Query(SpasmCareDbContext db)
    {
        /// <returns>The look-up, or null when there is no such product.</returns>
        public async Task<View?> HandleAsync(Guid productId, string lotNumber, CancellationToken ct)
        {
            var product = await db.ToxinProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is null)
            {
                return null;
            }

            var lot = VialLedger.NormaliseLot(lotNumber);
            var recall = await db.ToxinLotRecalls.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == productId && r.LotNumber == lot, ct);
            var recordedBy = recall?.RecordedBy is { } by
                ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
                : null;
            var vials = await db.ToxinVials.AsNoTracking().Where(v => v.ProductId == productId && v.LotNumber == lot)
                .Select(v => new { v.Id, v.SiteId, v.Status }).ToListAsync(ct);
            var vialIds = vials.Select(v => v.Id).ToList();
            var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Name, s.TimeZoneId }).ToListAsync(ct);
            var counts = vials.GroupBy(v => (v.SiteId, v.Status))
                .Select(g => new VialCount(sites.FirstOrDefault(s => s.Id == g.Key.SiteId)?.Name ?? "?", g.Key.Status, g.Count()))
                .OrderBy(c => c.Site, StringComparer.Ordinal).ThenBy(c => c.Status).ToList();

            var draws = await db.ToxinVialEntries.AsNoTracking()
                .Where(e => vialIds.Contains(e.VialId) && e.Kind == VialEntryKind.Draw && e.SessionId != null && e.PatientId != null)
                .Select(e => new { SessionId = e.SessionId!.Value, PatientId = e.PatientId!.Value, e.Units, e.AtUtc, e.VialId })
                .ToListAsync(ct);
            var perSession = draws.GroupBy(d => (d.SessionId, d.PatientId))
                .Select(g => (g.Key.SessionId, g.Key.PatientId, Units: g.Sum(d => d.Units), FirstAt: g.Min(d => d.AtUtc),
                    SiteId: vials.First(v => v.Id == g.First().VialId).SiteId))
                .Where(s => s.Units > 0)
                .ToList();
            var sessionIds = perSession.Select(s => s.SessionId).ToList();
            var patientIds = perSession.Select(s => s.PatientId).Distinct().ToList();
            var sessions = await db.InjectionSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
                .Select(s => new { s.Id, s.InjectedAtUtc, s.SiteId, s.ClinicianName, s.EnteredInError }).ToListAsync(ct);
            var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Mrn, p.Mobile }).ToListAsync(ct);

            var rows = perSession.Select(s =>
                {
                    var session = sessions.FirstOrDefault(x => x.Id == s.SessionId);
                    var patient = patients.FirstOrDefault(x => x.Id == s.PatientId);
                    var site = sites.FirstOrDefault(x => x.Id == (session?.SiteId ?? s.SiteId));
                    var at = session?.InjectedAtUtc ?? s.FirstAt;
                    var date = DateOnly.FromDateTime(VisitTime.Local(at, site?.TimeZoneId ?? Sites.Site.DefaultTimeZone));
                    return new Row(s.PatientId,
                        patient is null ? "(unknown patient)" : PatientFormats.FullName(patient.GivenName, patient.FamilyName),
                        patient?.Mrn ?? "", patient?.Mobile ?? "", s.SessionId, at,
                        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), site?.Name ?? "?", session?.ClinicianName ?? "",
                        s.Units, session?.EnteredInError ?? false);
                })
                .OrderByDescending(r => r.SessionAtUtc).ThenBy(r => r.PatientName, StringComparer.Ordinal)
                .ToList();
            return new View(product, lot, recall, recordedBy, counts, rows);
        }
    }

    /// <summary>The rows as CSV (RFC 4180, UTF-8): every cell quoted; a cell that a spreadsheet would run as a formula is made text.</summary>
    public static string Csv(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder();
        Line(csv, ["Patient", "MRN", "Phone", "Session date", "Site", "Clinician", "Product", "Lot", "Units from lot", "Entered in error"]);
        foreach (var r in view.Rows)
        {
            Line(csv, [r.PatientName, r.Mrn, r.Phone, r.SessionDate, r.Site, r.Clinician, view.Product.Name, view.Lot,
                VialLedger.Units(r.Units), r.EnteredInError ? "yes" : "no"]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// One CSV cell. A value starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a
    /// spreadsheet shows it as text instead of running it (OWASP "CSV injection"); then it is quoted.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
}
