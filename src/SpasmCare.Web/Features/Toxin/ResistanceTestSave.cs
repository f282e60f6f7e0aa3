using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Records, corrects and marks entered in error a resistance test (doctors, DOMAIN §3.9).</summary>
public static class ResistanceTestSave
{
    public const string Subject = "ResistanceTest";

    public sealed class Request
    {
        [Required] public ResistanceTestInput Test { get; set; } = new();

        /// <summary>The version the editor started from.</summary>
        public Guid Version { get; set; }
    }

    /// <summary>Products for the form: the active ones, and the test's own product when it is no longer active.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ProductsAsync(SpasmCareDbContext db, Guid? include, CancellationToken ct) =>
        (await db.ToxinProducts.AsNoTracking()
            .Where(p => p.IsActive || p.Id == include)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(ct))
        .Select(p => (p.Id, p.Name))
        .ToList();

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The new test, or null when there is no such patient.</returns>
        public async Task<ResistanceTest?> RecordAsync(Guid patientId, ResistanceTestInput input, CancellationToken ct)
        {
            if (await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return null;
            }

            await CheckAsync(input, born, null, "", ct);
            var test = new ResistanceTest { PatientId = patientId };
            input.ApplyTo(test);
            db.ResistanceTests.Add(test);
            audit.Record(AuditAction.ResistanceTestRecorded, Subject, test.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.ResistanceTestSaved(test.Id, patientId, "recorded");
            return test;
        }

        public async Task<WorkupResult<ResistanceTest>> UpdateAsync(Guid patientId, Guid id, Request request, CancellationToken ct)
        {
            var test = await db.ResistanceTests.FirstOrDefaultAsync(t => t.Id == id && t.PatientId == patientId, ct);
            if (test is null || await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return new(null, null);
            }

            if (test.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This test was marked as entered in error; it can no longer be changed.");
            }

            if (test.Version != request.Version)
            {
                return new(null, await ConflictAsync(test, request, ct));
            }

            await CheckAsync(request.Test, born, test.ProductId, "Test.", ct);
            request.Test.ApplyTo(test);
            if (!db.ChangeTracker.HasChanges())
            {
                return new(test, null);
            }

            audit.Record(AuditAction.ResistanceTestUpdated, Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.ResistanceTests.AsNoTracking().FirstAsync(t => t.Id == id, ct);
                return new(null, await ConflictAsync(current, request, ct));
            }

            logger.ResistanceTestSaved(id, patientId, "updated");
            return new(test, null);
        }

        /// <returns>The test, or null when there is none. Throws a rule error on a stale version.</returns>
        public async Task<ResistanceTest?> EnteredInErrorAsync(Guid patientId, Guid id, Guid version, CancellationToken ct)
        {
            var test = await db.ResistanceTests.FirstOrDefaultAsync(t => t.Id == id && t.PatientId == patientId, ct);
            if (test is null)
            {
                return null;
            }

            if (test.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This test is already marked as entered in error.");
            }

            if (test.Version != version)
            {
                throw WorkupChecks.StaleVersion("test");
            }

            test.EnteredInError = true;
            audit.Record(AuditAction.ResistanceTestUpdated, Subject, id.ToString(), patientId, detail: "entered in error");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw WorkupChecks.StaleVersion("test");
            }

            logger.ResistanceTestSaved(id, patientId, "entered in error");
            return test;
        }

        private async Task CheckAsync(ResistanceTestInput input, DateOnly born, Guid? current, string prefix, CancellationToken ct)
        {
            WorkupChecks.NotBeforeBirth(input.PerformedOn, born, prefix + nameof(ResistanceTestInput.PerformedOn), "date of the test");
            if (input.ProductId is { } productId
                && !await db.ToxinProducts.AnyAsync(p => p.Id == productId && (p.IsActive || p.Id == current), ct))
            {
                throw new RuleException("unknown-product", "Choose a product from the list.", prefix + nameof(ResistanceTestInput.ProductId), 422);
            }
        }

        private async Task<EditConflict> ConflictAsync(ResistanceTest current, Request request, CancellationToken ct)
        {
            logger.EditConflict(Subject, current.Id, current.PatientId);
            audit.Record(AuditAction.ResistanceTestUpdated, Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            var products = (await ProductsAsync(db, current.ProductId, ct)).ToDictionary(p => p.Id, p => p.Name);
            if (request.Test.ProductId is { } chosen && !products.ContainsKey(chosen))
            {
                products[chosen] = "—";
            }

            return await EditConflict.ExplainAsync(db, current, ResistanceTestInput.From(current).Describe(products),
                request.Test.Describe(products), ct);
        }
    }
}
