namespace Sessions.Core.Common;

/// <summary>The six official UN languages, by their two-letter codes, in the UN's order.</summary>
public static class Languages
{
    public const string Arabic = "ar";
    public const string Chinese = "zh";
    public const string English = "en";
    public const string French = "fr";
    public const string Russian = "ru";
    public const string Spanish = "es";

    public static readonly IReadOnlyList<string> All = [Arabic, Chinese, English, French, Russian, Spanish];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    public static string OrDefault(string? code) => IsSupported(code) ? code! : English;
}
