using System.Net;

namespace Sessions.Tests.Infrastructure;

public static class AccessAssertions
{
    /// <summary>The page refuses this signed-in user: 403, directly or through the access-denied page.</summary>
    public static async Task AssertForbiddenAsync(this HttpClient client, string url) =>
        await client.AssertForbiddenAsync(await client.GetAsync(url));

    /// <summary>The answer is 403, directly or through the redirect to the access-denied page.</summary>
    public static async Task AssertForbiddenAsync(this HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            var path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            Assert.StartsWith("/account/access-denied", path, StringComparison.Ordinal);
            response = await client.GetAsync(path);
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
