using Hangfire;
using Sessions.Web.Features.Notices.Campaigns;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>Wiring of the notice pipeline: the outbox writer, the transports and the sending jobs.</summary>
public static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton(sp => new Core.Notices.RelayBudget(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpOptions>>().Value.MessagesPerMinute,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NoticeTemplateStore>();
        services.AddScoped<NoticeWriter>();
        services.AddScoped<Statements.StatementNotices>();
        services.AddScoped<Statements.StatementIssuance>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxTrigger>();
        services.AddScoped<CampaignMessages.Loader>();
        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]))
        {
            services.AddSingleton<Core.Notices.IEmailTransportFactory, PickupFolderTransportFactory>();
        }
        else
        {
            services.AddSingleton<Core.Notices.IEmailTransportFactory, SmtpTransportFactory>();
        }

        return services;
    }

    /// <summary>The recurring sweep: sends what is due, including rows left behind by a restart or a crash.</summary>
    public static WebApplication UseNotices(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxSender>("outbox-sweep", sender => sender.SendDueAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Notices.Reminders.SendReminders.Handler>("reminder-sweep", reminders => reminders.SendDueAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Features.Notices.Reminders.SendOnlineLinks.Handler>("online-link-sweep", links => links.SendDueAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));
        app.UseCampaignSweep();
        Features.Documents.Notice.SendDocumentsAvailableNotice.UseDocumentsAvailableNotice(app);
        return app;
    }
}
