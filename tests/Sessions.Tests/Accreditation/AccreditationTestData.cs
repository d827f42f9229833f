using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.AccreditationRegister;

/// <summary>The steps the accreditation tests share: apply from the form, read a record back.</summary>
public static class AccreditationTestData
{
    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, int organisationId, int bodyId, string mission = "We house families displaced by floods.", byte[]? letter = null, byte[]? governingBodyList = null, string letterName = "letter.pdf") =>
        client.PostFilesAsync(
            "/accreditation/apply",
            [new("OrganisationId", organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("BodyId", bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Mission", mission)],
            [new MultipartForms.Upload("Letter", letterName, letter ?? TestPdf.Bytes("letter")), new MultipartForms.Upload("GoverningBodyList", "board.pdf", governingBodyList ?? TestPdf.Bytes("board"))],
            "/accreditation/apply");

    /// <summary>The id in the redirect to the new application's page.</summary>
    public static int CreatedId(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/accreditation/", location, StringComparison.Ordinal);
        return int.Parse(location["/accreditation/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<Guid> VersionOfAccreditationAsync(this SessionsAppFactory factory, int id) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Accreditations.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    public static Task<T> InDatabaseAsync<T>(this SessionsAppFactory factory, Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
