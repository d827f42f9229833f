namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>
/// The one name every localiser is asked for: <c>IStringLocalizer&lt;Text&gt;</c>. All strings live in
/// Resources/*.json, one file per feature, each key with its six translations side by side.
/// </summary>
public sealed class Text;
