using System.Net.Http.Headers;

namespace Sessions.Tests.Infrastructure;

public static class MultipartForms
{
    public sealed record Upload(string FieldName, string FileName, byte[] Bytes, string ContentType = "application/pdf");

    /// <summary>Posts a multipart form with several files and fields, with the antiforgery token of <paramref name="formPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<Upload> files, string formPageUrl)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }

        return await client.PostAsync(url, content);
    }
}
