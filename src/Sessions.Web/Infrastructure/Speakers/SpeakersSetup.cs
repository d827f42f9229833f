namespace Sessions.Web.Infrastructure.Speakers;

public static class SpeakersSetup
{
    public static IServiceCollection AddSpeakers(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddScoped<SpeakersBroadcast>();
        services.AddSingleton<SpeakersListTurns>();
        services.AddScoped<SpeakersListChanges>();
        return services;
    }

    public static void MapSpeakers(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<SpeakersHub>(SpeakersHub.Path).AllowAnonymous();
}
