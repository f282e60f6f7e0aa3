using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace SpasmCare.Web.Hosting;

public static class SecuritySetup
{
    public const string SignInRateLimit = "sign-in";
    public const string ByPathScheme = "ByPath";

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddDataProtection().PersistKeysToDbContext<SpasmCareDbContext>().SetApplicationName("SpasmCare");

        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                // ASVS V6.2: length over composition rules; a deny-list of common passwords instead.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SpasmCareDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Claims (roles, two-factor duty) are rebuilt from the database every minute; the security stamp itself is
        // compared on every request (CurrentSessionCheck), so signing out, a password reset or disabling an account
        // ends every copy of the session cookie at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "spasmcare.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnValidatePrincipal = CurrentSessionCheck.ValidateAsync;
        });

        // /api speaks bearer tokens only (401, never a sign-in redirect, never the cookie); everything else the cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = ByPathScheme;
                o.DefaultAuthenticateScheme = ByPathScheme;
                o.DefaultChallengeScheme = ByPathScheme;
                o.DefaultForbidScheme = ByPathScheme;
            })
            .AddPolicyScheme(ByPathScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Clinical, p => p.RequireRole(Roles.Doctor, Roles.Nurse))
            .AddPolicy(Policies.Doctor, p => p.RequireRole(Roles.Doctor))
            .AddPolicy(Policies.Scheduling, p => p.RequireRole(Roles.FrontDesk, Roles.Doctor, Roles.Nurse))
            .AddPolicy(Policies.Inquiries, p => p.RequireRole(Roles.FrontDesk, Roles.Doctor))
            .AddPolicy(Policies.Api, p => p
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.All));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (posts) per client address; showing the form is not limited. Staff behind one
            // address share the allowance, so it is generous: account lockout is what stops password guessing.
            o.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("view"));
            o.AddPolicy<string, Features.Inquiries.InquiryFormRateLimit>(Features.Inquiries.InquiryFormRateLimit.Name);
        });
        return services;
    }
}

