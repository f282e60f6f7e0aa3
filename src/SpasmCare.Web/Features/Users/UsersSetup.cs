namespace SpasmCare.Web.Features.Users;

public static class UsersSetup
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<CreateUser.Handler>()
        .AddScoped<UpdateUser.Handler>()
        .AddScoped<ResetUserPassword.Handler>()
        .AddScoped<IssueApiToken.Handler>()
        .AddScoped<RevokeApiToken.Handler>();
}
