using System.Diagnostics;
using System.Text.Json.Serialization;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.PublicSite;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Users;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--no-demo"))
{
    builder.Configuration["Demo:Seed"] = "false";
}

builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5000");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<ICurrentUser, HttpCurrentUser>();
builder.Services.Configure<ClinicOptions>(builder.Configuration.GetSection(ClinicOptions.Section));
builder.Services.Configure<ConsentOptions>(builder.Configuration.GetSection(ConsentOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.AddSingleton<ClinicTime>();

builder.Services.AddData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSecurity();

builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<AuditWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());

builder.Services.AddPatients();
builder.Services.AddScoped<SaveSite.Handler>();
builder.Services.AddUsers();
builder.Services.AddAssessments();
builder.Services.AddScales();
builder.Services.AddWorkup();
builder.Services.AddInquiries();
builder.Services.AddPublicSite();
builder.Services.AddFollowUps();
builder.Services.AddToxinStock();
builder.Services.AddToxinSessions();
builder.Services.AddSurgeryPathway();
builder.Services.AddMvdOutcomes();
builder.Services.AddScheduling();
builder.Services.AddSchedulingAdmin();
builder.Services.AddMessaging();
builder.Services.AddRecall();

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
    ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<AppExceptionHandler>();
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Patients", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    o.Conventions.AuthorizeFolder("/Assessments", Policies.Clinical);
    o.Conventions.AuthorizeFolder("/Workup", Policies.Clinical);
    o.Conventions.AuthorizeFolder("/Inquiries", Policies.Inquiries);
    o.Conventions.AllowAnonymousToPage("/Index"); // staff home when signed in; otherwise a redirect to the public site
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/Status");
    o.Conventions.AllowAnonymousToPage("/Contact/Index");
    o.Conventions.AllowAnonymousToPage("/Contact/Thanks");
    o.Conventions.AllowAnonymousToPage("/Public/Index");
    o.Conventions.AllowAnonymousToPage("/Public/Doctors");
}).AddMvcOptions(o =>
{
    o.Filters.Add<AccountRequirementsFilter>();
    o.Filters.Add<AuditPageFilter>();
    o.Filters.Add<RulePageFilter>();
});

var app = builder.Build();

await app.Services.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.Services.BootstrapAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler("/Error");
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/openapi"),
    b => b.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapGet("/health", () => TypedResults.Ok("ok")).AllowAnonymous().ExcludeFromDescription();
app.MapPatientsApi();
app.MapSmsInbound();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
