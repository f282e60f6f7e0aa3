namespace SpasmCare.Web.Auditing;

/// <summary>Shared end-of-request step of the endpoint and page audit filters.</summary>
internal static class AuditFlush
{
    public static async Task FlushAsync(HttpContext http, AuditedAttribute audited, int statusCode)
    {
        var log = http.RequestServices.GetRequiredService<AuditLog>();
        var writer = http.RequestServices.GetRequiredService<AuditWriter>();
        var events = log.TakeReads(statusCode);
        if (log.Recorded == 0)
        {
            // Nothing was recorded by the handler: a not-found, a rejected request or a failure. Record the
            // attempt against the record named in the route, if any.
            // Patient-scoped pages name the patient in the route (/Patients/{patientId}/…): the attempt is then
            // filed under that patient, so "who looked at this record" finds it.
            var routeId = http.Request.RouteValues.TryGetValue("id", out var raw) ? raw?.ToString() : null;
            var routePatient = http.Request.RouteValues.TryGetValue("patientId", out var rawPatient) ? rawPatient?.ToString() : null;
            Guid? patientId = Guid.TryParse(routePatient, out var fromPatientRoute) ? fromPatientRoute
                : audited.SubjectType == "Patient" && Guid.TryParse(routeId, out var parsed) ? parsed : null;
            events.Add(log.Create(audited.Action, audited.SubjectType, routeId, patientId,
                AuditLog.OutcomeOf(statusCode), statusCode, null));
        }

        await writer.WriteAsync(events, http.RequestAborted);
    }
}
