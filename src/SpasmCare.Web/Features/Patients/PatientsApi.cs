using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SpasmCare.Web.Features.Patients;

/// <summary>The registry for staff integrations: <c>/api/v1/patients</c>, bearer tokens only.</summary>
public static class PatientsApi
{
    public sealed record PatientResource(
        Guid Id, string Mrn, bool Active, string? StatusReason, string? PossibleDuplicateOf, Guid Version,
        string GivenName, string? FamilyName, Sex Sex, DateOnly BirthDate, string Mobile, string? Email,
        string? AddressLine1, string? AddressLine2, string? City, string? State, string? PinCode,
        Language PreferredLanguage, string? AbhaNumber, string? AbhaAddress, string? EmergencyContactName,
        string? EmergencyContactRelationship, string? EmergencyContactPhone, bool ContactConsent,
        string? ConsentNoticeVersion)
    {
        public static PatientResource From(Patient p) => new(
            p.Id, p.Mrn, p.IsActive, p.StatusReason, p.PossibleDuplicateOf, p.Version, p.GivenName, p.FamilyName,
            p.Sex, p.BirthDate, PatientFormats.FormatMobile(p.Mobile), p.Email, p.AddressLine1, p.AddressLine2,
            p.City, p.State, p.PinCode, p.PreferredLanguage,
            p.AbhaNumber is null ? null : PatientFormats.FormatAbhaNumber(p.AbhaNumber), p.AbhaAddress,
            p.EmergencyContactName, p.EmergencyContactRelationship,
            p.EmergencyContactPhone is null ? null : PatientFormats.FormatMobile(p.EmergencyContactPhone),
            p.ContactConsent, p.ConsentNoticeVersion);
    }

    public static RouteGroupBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients")
            .WithTags("Patients")
            .RequireAuthorization(Policies.Api);

        group.MapGet("/", SearchAsync).Audited(AuditAction.PatientSearched).WithName("SearchPatients");
        group.MapGet("/{id:guid}", GetAsync).Audited(AuditAction.PatientRead).WithName("GetPatient");
        group.MapPost("/", RegisterAsync).Audited(AuditAction.PatientRegistered).WithName("RegisterPatient");
        group.MapPut("/{id:guid}", UpdateAsync).Audited(AuditAction.PatientUpdated).WithName("UpdatePatient");
        group.MapPost("/{id:guid}/status", ChangeStatusAsync).Audited(AuditAction.PatientDeactivated).WithName("ChangePatientStatus");
        return group;
    }

    public static async Task<Ok<List<SearchPatients.Summary>>> SearchAsync(
        [FromQuery(Name = "q")] string? query, SearchPatients.Handler handler, CancellationToken ct,
        int limit = SearchPatients.DefaultLimit, bool includeInactive = false)
    {
        if (query is { Length: > SearchPatients.QueryMax })
        {
            throw new Errors.RuleException("query-too-long",
                $"The search can be at most {SearchPatients.QueryMax} characters.", "q", StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await handler.HandleAsync(query, limit, includeInactive, ct));
    }

    public static async Task<Results<Ok<PatientResource>, NotFound>> GetAsync(
        Guid id, SpasmCareDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        audit.Read(AuditAction.PatientRead, id);
        SetETag(http, patient.Version);
        return TypedResults.Ok(PatientResource.From(patient));
    }

    public static async Task<Created<PatientResource>> RegisterAsync(
        PatientInput input, RegisterPatient.Handler handler, HttpContext http, CancellationToken ct,
        bool confirmedNotDuplicate = false)
    {
        var patient = await handler.HandleAsync(
            new RegisterPatient.Request { Patient = input, ConfirmedNotDuplicate = confirmedNotDuplicate }, ct);
        SetETag(http, patient.Version);
        return TypedResults.Created($"/api/v1/patients/{patient.Id}", PatientResource.From(patient));
    }

    public static async Task<Results<Ok<PatientResource>, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid id, PatientInput input, UpdatePatient.Handler handler, HttpContext http, CancellationToken ct)
    {
        if (!TryReadIfMatch(http, out var version, out var problem))
        {
            return problem;
        }

        var result = await handler.HandleAsync(id, new UpdatePatient.Request { Patient = input, Version = version }, ct);
        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(
                title: "The patient was changed by someone else since you read it. Nothing was saved.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "stale-version",
                    ["currentVersion"] = conflict.CurrentVersion,
                    ["changedFields"] = conflict.TheirChanges.Select(c => c.Field).ToList(),
                });
        }

        if (result.Patient is null)
        {
            return TypedResults.NotFound();
        }

        SetETag(http, result.Patient.Version);
        return TypedResults.Ok(PatientResource.From(result.Patient));
    }

    public static async Task<Results<Ok<PatientResource>, NotFound, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ChangePatientStatus.Request request, ChangePatientStatus.Handler handler, HttpContext http,
        CancellationToken ct)
    {
        if (!TryReadIfMatch(http, out var version, out var problem))
        {
            return problem;
        }

        request.Version = version;
        var patient = await handler.HandleAsync(id, request, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        SetETag(http, patient.Version);
        return TypedResults.Ok(PatientResource.From(patient));
    }

    private static void SetETag(HttpContext http, Guid version) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"", isWeak: true).ToString();

    private static bool TryReadIfMatch(HttpContext http, out Guid version, out ProblemHttpResult problem)
    {
        version = Guid.Empty;
        problem = null!;
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            problem = TypedResults.Problem(
                title: "Send the If-Match header with the ETag from your last read, so that no one else's change is overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired);
            return false;
        }

        if (!EntityTagHeaderValue.TryParse(header, out var tag) || !Guid.TryParse(tag.Tag.Value?.Trim('"'), out version))
        {
            problem = TypedResults.Problem(
                title: "The If-Match header is not an ETag from this API.", statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["code"] = "stale-version" });
            return false;
        }

        return true;
    }
}
