namespace SpasmCare.Web.Features.Scheduling;

/// <summary>The appointment types a hemifacial-spasm clinic starts with. Other modules refer to them by code.</summary>
public static class AppointmentTypeSeed
{
    public const string NewConsultation = "new-consultation";
    public const string FollowUp = "follow-up";
    public const string InjectionVisit = "injection-visit";
    public const string PostOperativeReview = "post-operative-review";
    public const string TeleConsultation = "tele-consultation";
    public const string MvdSurgery = "mvd-surgery";

    public static IReadOnlyList<AppointmentType> Defaults() =>
    [
        new() { Code = NewConsultation, Name = "New consultation", DefaultMinutes = 30, NeedsRoom = true, VisitType = Assessments.VisitType.NewConsultation },
        new() { Code = FollowUp, Name = "Follow-up", DefaultMinutes = 15, NeedsRoom = true, VisitType = Assessments.VisitType.FollowUp },
        new() { Code = InjectionVisit, Name = "Injection visit", DefaultMinutes = 20, NeedsRoom = true, VisitType = Assessments.VisitType.InjectionVisit },
        new() { Code = PostOperativeReview, Name = "Post-operative review", DefaultMinutes = 20, NeedsRoom = true, VisitType = Assessments.VisitType.PostOperativeReview },
        new() { Code = TeleConsultation, Name = "Tele-consultation", DefaultMinutes = 15, IsRemote = true, VisitType = Assessments.VisitType.TeleConsultation },
        new() { Code = MvdSurgery, Name = "MVD surgery", DefaultMinutes = 180, NeedsTheatre = true, NeedsAnaesthetist = true },
    ];

    /// <summary>Adds each default type whose code is missing. Safe to call at every start; never changes an edited type.</summary>
    public static async Task EnsureTypesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var codes = await db.AppointmentTypes.Select(t => t.Code).ToListAsync(ct);
        var missing = Defaults().Where(t => !codes.Contains(t.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.AppointmentTypes.AddRange(missing);
        await db.SaveChangesAsync(ct);
    }
}
