using System.Net;

namespace Sessions.Tests.Infrastructure;

public static class AccessAssertions
{
    /// <summary>The page refuses this signed-in user: 403, directly or through the access-denied page the cookie handler redirects to.</summary>
    public static async Task AssertForbiddenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.Contains("/account/access-denied", location);
            response = await client.GetAsync(location);
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
