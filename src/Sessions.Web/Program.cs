using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Features.Documents.Zip;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Jobs;
using Sessions.Web.Infrastructure.Security;
using Sessions.Web.Infrastructure.Speakers;

// "admin reset-password EMAIL" runs instead of the web server (see AdminCommand).
var adminCommand = AdminCommand.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = adminCommand?.HostArgs ?? args,
    // The web root is the repository's top-level wwwroot, shared by every project.
    WebRootPath = Path.Combine("..", "..", "wwwroot"),
});

builder.Logging.LeaveStartFailuresToServerStart();

var sessionsOptions = builder.Configuration.GetSection(SessionsOptions.Section).Get<SessionsOptions>() ?? new SessionsOptions();
var dataDirectory = sessionsOptions.ResolveDataDirectory(builder.Environment.ContentRootPath);
Directory.CreateDirectory(dataDirectory);
builder.Services.Configure<SessionsOptions>(builder.Configuration.GetSection(SessionsOptions.Section));
builder.Services.AddSingleton(new DataDirectory(dataDirectory));
builder.Services.AddPublicLinks(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();

builder.Services.AddSessionsDatabase(builder.Configuration, dataDirectory);

builder.Services
    .AddIdentity<User, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
    })
    .AddEntityFrameworkStores<SessionsDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.AccessDeniedPath = "/account/access-denied";
    options.Cookie.Name = "sessions.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
});

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Secretariat, policy => policy.RequireRole(Roles.Secretariat));

builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture(Languages.English);
    options.SupportedCultures = Cultures.Supported.ToList();
    options.SupportedUICultures = Cultures.Supported.ToList();
    options.FallBackToParentCultures = true;
    options.FallBackToParentUICultures = true;
    options.RequestCultureProviders =
    [
        new CookieRequestCultureProvider(),
        new AcceptLanguageHeaderRequestCultureProvider(),
    ];
});

builder.Services
    .AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.Filters.Add(new RefuseMalformedForms());
    })
    .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new DevelopmentOnlyControllers(builder.Environment)))
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Text)))
    .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureRegistration.FeatureViewLocations()));
builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, ModelBindingMessages>();
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Sessions");
// Pages in Arabic, Chinese or Russian are sent as text, not as &#x...; entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddAntiforgery(options => options.Cookie.Name = "sessions.antiforgery");
builder.Services.AddUseCaseHandlers();
builder.Services.AddNotices(builder.Configuration);
builder.Services.AddAccountSecurity();
builder.Services.AddDocumentZips();
builder.Services.AddSpeakers();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<DemoAccounts>();
builder.Services.AddSingleton<Sessions.Core.Files.IFileStore, Sessions.Web.Infrastructure.Files.FileStore>();

// The storage is registered per host, not through Hangfire's static JobStorage.Current, so that two
// hosts in one process (the test suite) never run each other's jobs.
builder.Services.AddSingleton<JobStorage>(sp =>
{
    sp.GetRequiredService<IGlobalConfiguration>();
    return new InMemoryStorage(new InMemoryStorageOptions());
});
builder.Services.AddHangfire((sp, configuration) => configuration
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseLogProvider(new HangfireLogging(sp.GetRequiredService<ILoggerFactory>())));
builder.Services.AddHangfireServer((sp, options) =>
{
    options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
    // Jobs resolve their services from this host's container, not from the process-wide JobActivator.Current.
    options.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
});

var app = builder.Build();
if (adminCommand is not null)
{
    return await adminCommand.RunAsync(app.Services, Console.Out);
}

await StartupTasks.RunAsync(app.Services);
app.UseNotices();
Sessions.Web.Features.Registration.GroundsPass.EraseIdentityData.UseRetention(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
else
{
    app.UseDeveloperExceptionPage();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAccountSecurity();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapControllers();
app.MapSpeakers();
app.MapHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = [new HangfireSecretariatFilter()],
    DashboardTitle = "Sessions — jobs",
    AppPath = "/",
}).RequireAuthorization(Policies.Secretariat).AllowInlineScriptsAndStyles();

// An unknown address is a 404 page for everybody, not a sign-in prompt.
app.MapFallback(context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

return await ServerStart.RunAsync(app, Console.Error);

public partial class Program;
