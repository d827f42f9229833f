using System.Diagnostics;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Files;

namespace Sessions.Benchmarks;

/// <summary>
/// The grounds-pass photo: a camera-like 12-megapixel JPEG (4000 × 3000, noisy so it compresses as a photo does)
/// through <see cref="GroundsPassPhoto.Process"/> <c>iterations</c> times, one after the other. Prints the time per
/// photo and the peak memory of the process above its level before the first photo (Linux: VmHWM, reset through
/// /proc/self/clear_refs), which counts the native pixels SkiaSharp decodes as well as the managed heap.
/// </summary>
public static class PhotoProcessing
{
    public static void Run(int iterations)
    {
        var upload = PhotoBuilders.CameraJpeg(4000, 3000);
        var output = GroundsPassPhoto.Process(upload); // warm-up: loads the native library
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var resetPeak = ResetPeak();
        var baseline = Resident("VmRSS:");
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            output = GroundsPassPhoto.Process(upload);
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var peak = Resident("VmHWM:");
        times.Sort();
        double At(double share) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(share * times.Count) - 1)];
        Console.WriteLine($"photo: {iterations} × a 4000 × 3000 JPEG of {upload.Length / 1024.0 / 1024.0:F1} MB → 600 × 800 JPEG of {output.Length / 1024.0:F0} KB, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  per photo: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {times[^1]:F0} ms; managed allocations {allocated / iterations / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine(resetPeak && baseline > 0
            ? $"  peak resident memory above the level before the first photo: {(peak - baseline) / 1024.0 / 1024.0:F0} MB (VmHWM {peak / 1024.0 / 1024.0:F0} MB, before {baseline / 1024.0 / 1024.0:F0} MB)"
            : $"  peak resident memory of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (the peak could not be reset here)");
    }

    /// <summary>Writing 5 to clear_refs resets the peak resident set size (Linux 4.0 and later).</summary>
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A line of /proc/self/status, in bytes; 0 where there is none.</summary>
    private static long Resident(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
