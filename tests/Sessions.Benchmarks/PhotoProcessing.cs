using System.Diagnostics;
using System.Globalization;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Files;

namespace Sessions.Benchmarks;

/// <summary>
/// The grounds-pass photo: a camera-like 12-megapixel JPEG (4000 × 3000, noisy so it compresses as a photo does,
/// within the 5 MB an upload may weigh) through <see cref="GroundsPassPhoto.Process"/>. Each case runs in a fresh child
/// process that reports its own peak resident memory (VmHWM, native pixels included): the upload read and nothing
/// else (the floor), one photo, and <c>iterations</c> photos one after the other (the time per photo).
/// </summary>
public static class PhotoProcessing
{
    public const string ChildCommand = "photo-case";

    public static async Task RunAsync(int iterations)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sessions-photo-bench-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, PhotoBuilders.CameraJpeg(4000, 3000));
        try
        {
            Console.WriteLine($"photo: a 4000 × 3000 JPEG of {new FileInfo(path).Length / 1024.0 / 1024.0:F2} MiB → the 600 × 800 grounds-pass JPEG, {Environment.ProcessorCount} cores, each case in a fresh process");
            await ChildCases.RunAsync(ChildCommand, ["floor", "one", "many"], path, iterations.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static int RunCase(string name, string path, int iterations)
    {
        var upload = File.ReadAllBytes(path);
        var count = name switch { "floor" => 0, "one" => 1, _ => iterations };
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            size = GroundsPassPhoto.Process(upload).Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double share) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(share * times.Count) - 1)];
        var timing = count switch
        {
            0 => "the upload read, nothing processed",
            1 => $"1 photo (native library loaded on the way): {times[0]:F0} ms, output {size / 1024.0:F0} KiB",
            _ => $"{count} photos: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {times[^1]:F0} ms per photo",
        };
        Console.WriteLine($"  {name,-5}  {timing}; peak {ChildCases.PeakMebibytes():F0} MiB");
        return 0;
    }
}
