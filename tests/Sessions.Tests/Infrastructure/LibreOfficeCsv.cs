using System.Diagnostics;
using Xunit.Abstractions;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Reads a workbook back with another implementation: LibreOffice (headless) converts one of its sheets to CSV,
/// returned as records (a name with a line break comes back quoted over two lines). Where LibreOffice is missing the
/// comparison is skipped and said so; under CI=true (CI installs libreoffice-calc-nogui) a missing one fails.
/// </summary>
public static class LibreOfficeCsv
{
    private static readonly string? Soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    /// <summary>The records of sheet <paramref name="sheetNumber"/> (1 = first), or null when LibreOffice is not installed.</summary>
    public static async Task<List<string[]>?> ConvertAsync(Stream workbook, int sheetNumber, ITestOutputHelper output)
    {
        if (Soffice is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "LibreOffice (soffice) is missing: apt-get install libreoffice-calc-nogui");
            output.WriteLine("SKIPPED: LibreOffice (soffice) is not installed; the CSV comparison did not run (apt-get install libreoffice-calc-nogui).");
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("sessions-lo-");
        try
        {
            var path = Path.Combine(directory.FullName, "report.xlsx");
            await using (var file = File.Create(path))
            {
                await workbook.CopyToAsync(file);
            }

            // The filter options are: comma, double quote, UTF-8, first line, cell formats, language, quoted text, detect
            // numbers, formatted as shown, formulas, remove spaces, then the sheet's number.
            var filter = $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheetNumber}";
            var start = new ProcessStartInfo(Soffice, ["--headless", $"-env:UserInstallation=file://{directory.FullName}/profile", "--convert-to", filter, "--outdir", directory.FullName, path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            var csv = Directory.GetFiles(directory.FullName, "*.csv").Single();
            return Sessions.Core.Organisations.Csv.Parse(await File.ReadAllTextAsync(csv), ',');
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
