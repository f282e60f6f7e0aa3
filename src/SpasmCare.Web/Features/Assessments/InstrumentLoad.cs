using SpasmCare.Clinical;
using SpasmCare.Clinical.Scales;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// An admin loads a new version of an instrument from JSON (e.g. a built-in exported, with licensed item wording
/// added and a new version), or withdraws a version from new scores. Scores already made keep their version.
/// </summary>
public static class InstrumentLoad
{
    /// <summary>Far above the largest definition (HFS-30 with wording is about 20 KB).</summary>
    public const int MaxJsonBytes = 512 * 1024;

    public sealed record Result(InstrumentRecord? Loaded, IReadOnlyList<FieldError> Errors)
    {
        public bool Succeeded => Loaded is not null;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Reads, validates and stores a definition; nothing is stored when there is any error.</summary>
        public async Task<Result> LoadAsync(string? json, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return Failed("$", "Paste the definition or choose a .json file.");
            }

            if (json.Length > MaxJsonBytes)
            {
                return Failed("$", $"The definition is longer than {MaxJsonBytes / 1024} KB; that is not an instrument definition.");
            }

            var read = InstrumentJson.Read(json);
            if (read.Definition is not { } definition)
            {
                return new Result(null, read.Errors);
            }

            var errors = new List<FieldError>();
            if (definition.Code.Length > InstrumentRecord.CodeMax)
            {
                errors.Add(new("code", $"The code can be at most {InstrumentRecord.CodeMax} characters."));
            }

            if (definition.Version.Length > InstrumentRecord.VersionMax)
            {
                errors.Add(new("version", $"The version can be at most {InstrumentRecord.VersionMax} characters."));
            }

            if (definition.Name.Length > 200)
            {
                errors.Add(new("name", "The name can be at most 200 characters."));
            }

            if (errors.Count > 0)
            {
                return new Result(null, errors);
            }

            if (await db.Instruments.AnyAsync(i => i.Code == definition.Code && i.Version == definition.Version, ct))
            {
                return Duplicate(definition);
            }

            var record = new InstrumentRecord
            {
                Code = definition.Code,
                Version = definition.Version,
                Name = definition.Name,
                Definition = InstrumentJson.Write(definition),
                IsBuiltIn = false,
                IsActive = true,
                LoadedAtUtc = Clock.UtcNow(time),
                LoadedBy = user.UserId,
            };
            db.Instruments.Add(record);
            audit.Record(AuditAction.InstrumentLoaded, "Instrument", record.Id.ToString(),
                detail: $"{record.Code} {record.Version}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.Instruments.AnyAsync(i => i.Code == definition.Code && i.Version == definition.Version, ct))
                {
                    return Duplicate(definition);
                }

                throw;
            }

            logger.InstrumentLoaded(record.Code, record.Version);
            return new Result(record, []);
        }

        /// <summary>
        /// Offers a version for new scores again, or withdraws it. Null when there is no such version; throws a rule
        /// error when nothing would change.
        /// </summary>
        public async Task<InstrumentRecord?> SetActiveAsync(Guid id, bool active, CancellationToken ct)
        {
            var record = await db.Instruments.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (record is null)
            {
                return null;
            }

            if (record.IsActive == active)
            {
                throw new Errors.RuleException("instrument.no-change",
                    $"{record.Code} {record.Version} is already {(active ? "active" : "inactive")}.");
            }

            record.IsActive = active;
            audit.Record(active ? AuditAction.InstrumentReactivated : AuditAction.InstrumentDeactivated,
                "Instrument", record.Id.ToString(), detail: $"{record.Code} {record.Version}");
            await db.SaveChangesAsync(ct);
            logger.InstrumentActivationChanged(record.Code, record.Version, active);
            return record;
        }

        private static Result Failed(string field, string message) => new(null, [new(field, message)]);

        private static Result Duplicate(InstrumentDefinition definition) =>
            Failed("version", $"{definition.Code} version {definition.Version} is already loaded. Give the new definition its own version (for example \"licensed-2026\"); a loaded version is never replaced, because scores name it.");
    }
}
