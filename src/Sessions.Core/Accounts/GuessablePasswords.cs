using System.Collections.Frozen;

namespace Sessions.Core.Accounts;

/// <summary>
/// Passwords an attacker tries first: the most common ones (common-passwords.txt, ASVS V6.2.4) and those
/// holding the name in the user's own email address.
/// </summary>
public static class GuessablePasswords
{
    /// <summary>A shorter name ("jo", "li") is part of too many honest passphrases to refuse them all.</summary>
    public const int ShortestEmailName = 3;

    private static readonly FrozenSet<string> _common = Load();

    public static int CommonCount => _common.Count;

    /// <summary>True when the password, whatever its case, is on the list of common passwords.</summary>
    public static bool IsCommon(string password) => _common.Contains(password.ToLowerInvariant());

    /// <summary>
    /// True when the password holds the part of <paramref name="email"/> before the @, whatever the case,
    /// with or without its dots, dashes and underscores ("amina.diallo" and "aminadiallo").
    /// </summary>
    public static bool ContainsEmailName(string password, string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 1)
        {
            return false;
        }

        var name = email![..at].ToLowerInvariant();
        var joined = new string(name.Where(c => c is not ('.' or '-' or '_' or '+')).ToArray());
        var folded = password.ToLowerInvariant();
        return (name.Length >= ShortestEmailName && folded.Contains(name, StringComparison.Ordinal))
            || (joined.Length >= ShortestEmailName && folded.Contains(joined, StringComparison.Ordinal));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(GuessablePasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
