using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

public sealed class ExportOrganisationsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_export_keeps_names_in_every_script_and_re_imports_as_duplicates_of_every_row()
    {
        var token = OrganisationSeeding.UniqueToken();
        var names = new[]
        {
            ($"联合国人类住区规划署{token}", "zh"),
            ($"برنامج الأمم المتحدة للمستوطنات البشرية {token}", "ar"),
            ($"Программа ООН по населённым пунктам {token}", "ru"),
            ($"Société Générale d'Études Ñandú {token}", "fr"),
        };
        await factory.AddOrganisationAsync(names[0].Item1, "zh", OrganisationCategory.UnSystemEntity, acronym: $"人居署{token}", country: "CN",
            names: new Dictionary<string, string> { ["en"] = $"UN-Habitat {token}", ["ar"] = $"موئل الأمم المتحدة {token}" });
        await factory.AddOrganisationAsync(names[1].Item1, "ar", country: "EG", website: $"https://example{token}.org", accreditation: AccreditationBasis.EcosocGeneral);
        await factory.AddOrganisationAsync(names[2].Item1, "ru", OrganisationCategory.LocalOrRegionalGovernment, email: $"info@example{token}.ru",
            accreditation: AccreditationBasis.HabitatII, accreditationStatus: AccreditationStatus.Suspended);
        await factory.AddOrganisationAsync(names[3].Item1, "fr", OrganisationCategory.PrivateSector, acronym: "00123", country: "ES",
            names: new Dictionary<string, string> { ["es"] = $"Sociedad Ñandú {token}" });
        var client = factory.CreateBrowser("fr");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync($"/organisations/export?q={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal(OrganisationImport.Columns, Enumerable.Range(1, OrganisationImport.Columns.Count).Select(c => sheet.Cell(1, c).GetString()));
            Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled);
            Assert.Equal(50, sheet.Column(1).Width);
            Assert.Equal(5, sheet.LastRowUsed().RowNumber());

            var rows = Enumerable.Range(2, 4).Select(r => sheet.Row(r)).ToDictionary(r => r.Cell(1).GetString());
            Assert.Equal(names.Select(n => n.Item1).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, language) in names)
            {
                Assert.Equal(language, rows[name].Cell(2).GetString());
            }

            var column = OrganisationImport.Columns.ToList();
            var chinese = rows[names[0].Item1];
            Assert.Equal($"人居署{token}", chinese.Cell(column.IndexOf("Acronym") + 1).GetString());
            Assert.Equal($"UN-Habitat {token}", chinese.Cell(column.IndexOf("Name_en") + 1).GetString());
            Assert.Equal($"موئل الأمم المتحدة {token}", chinese.Cell(column.IndexOf("Name_ar") + 1).GetString());
            Assert.Equal("", chinese.Cell(column.IndexOf("Name_zh") + 1).GetString());
            Assert.Equal($"Sociedad Ñandú {token}", rows[names[3].Item1].Cell(column.IndexOf("Name_es") + 1).GetString());
            Assert.Equal("00123", rows[names[3].Item1].Cell(column.IndexOf("Acronym") + 1).GetString());
            Assert.Equal("Suspendue", rows[names[2].Item1].Cell(column.IndexOf("AccreditationStatus") + 1).GetString());
        }

        var upload = await client.PostFileAsync("/organisations/import", "file", "export.xlsx", bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = await ImportOrganisationsTests.PreviewRowsAsync(client, upload.Headers.Location!.OriginalString);
        Assert.Equal(4, preview.Count);
        Assert.All(preview.Values, row => Assert.Equal("DuplicateOfExisting", row.Status));
        Assert.All(preview.Values, row => Assert.Contains("Même nom", WebUtility.HtmlDecode(row.Html)));
    }

    [Fact]
    public async Task The_export_follows_the_filters_of_the_list()
    {
        var token = OrganisationSeeding.UniqueToken();
        await factory.AddOrganisationAsync($"Exported {token}", country: "KE");
        await factory.AddOrganisationAsync($"Filtered out {token}", country: "UG");
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var bytes = await client.GetByteArrayAsync($"/organisations/export?q={token}&country=KE");

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.First();
        Assert.Equal(2, sheet.LastRowUsed().RowNumber());
        Assert.Equal($"Exported {token}", sheet.Cell(2, 1).GetString());
    }
}
