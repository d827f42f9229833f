using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// The real app listening on a loopback port through Kestrel, so that requests sent at the same moment travel over
/// real connections and run in parallel as they would in production (the in-memory test server is not used).
/// </summary>
public sealed class KestrelAppFactory : SessionsAppFactory
{
    public KestrelAppFactory()
    {
        // Requests name 127.0.0.1 (the port is not known yet; the host is what AllowedHosts compares).
        PublicUrl = "http://127.0.0.1";
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>A browser over the network: keeps its cookies and does not follow redirects, like <see cref="HttpClientExtensions.CreateBrowser"/>.</summary>
    public HttpClient CreateConnectedBrowser(string? language = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }
}
