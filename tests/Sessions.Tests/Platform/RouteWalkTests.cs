using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>
/// Every GET route of the app, requested as each principal, answers with the status recorded in
/// route-statuses.txt: moving code around (folders, namespaces, view locations) must not change what anyone sees.
/// Set SESSIONS_WRITE_ROUTE_STATUSES=1 to rewrite the snapshot after a deliberate change.
/// </summary>
public sealed class RouteWalkTests
{
    private const string Missing = "999999";
    private static readonly string SnapshotPath = Path.Combine(RepositoryPaths.Root, "tests", "Sessions.Tests", "Platform", "route-statuses.txt");

    [Fact]
    public async Task Every_get_route_answers_each_principal_as_recorded()
    {
        using var factory = new SessionsAppFactory();
        var dashboard = await factory.AddDashboardSessionAsync();
        var memberOrganisationId = await factory.WithDbAsync(db => db.Delegations.Where(d => d.Id == dashboard.MemberDelegationId).Select(d => d.OrganisationId).SingleAsync());

        var anonymous = factory.CreateBrowser();
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, memberOrganisationId, "route-walk-focal-point@test.sessions");
        var delegateUser = factory.CreateBrowser();
        await delegateUser.SignInAsAsync(factory, Roles.Delegate, "route-walk-delegate@test.sessions");
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat, "route-walk-secretariat@test.sessions");
        (string Name, HttpClient Client)[] principals = [("anonymous", anonymous), ("focal-point", focalPoint), ("delegate", delegateUser), ("secretariat", secretariat)];

        var lines = new List<string>();
        foreach (var pattern in GetPatterns(factory))
        {
            var url = Fill(pattern);
            var line = new StringBuilder($"GET {pattern.RawText}");
            foreach (var (name, client) in principals)
            {
                using var response = await client.GetAsync(url);
                line.Append(CultureInfo.InvariantCulture, $" | {name} {(int)response.StatusCode}");
                if (response.Headers.Location is { } location)
                {
                    var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
                    line.Append(CultureInfo.InvariantCulture, $" {target}");
                }
            }

            lines.Add(line.ToString());
        }

        var actual = string.Join('\n', lines) + "\n";
        if (Environment.GetEnvironmentVariable("SESSIONS_WRITE_ROUTE_STATUSES") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, actual);
        }

        var expected = (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static List<RoutePattern> GetPatterns(SessionsAppFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText)
            .OrderBy(p => p.RawText, StringComparer.Ordinal)
            .ToList();

    /// <summary>Route values: 1 for numeric ids (the first record of each table exists once the data is seeded), 999999 otherwise.</summary>
    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.Empty.ToString();
        }

        return constraints.Contains("int") || constraints.Contains("long") ? "1" : Missing;
    }
}
