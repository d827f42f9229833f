namespace Sessions.Core.Common;

/// <summary>
/// A rule refused an action. <see cref="Exception.Message"/> is a localiser key (English text with
/// {0}-style placeholders); the web layer translates it with <see cref="Arguments"/>.
/// </summary>
public sealed class DomainException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public object[] Arguments { get; } = arguments;
}
