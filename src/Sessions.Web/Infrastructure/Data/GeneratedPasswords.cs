using System.Security.Cryptography;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>Passwords the app makes up and shows once: the first secretariat account's, the demo accounts', a reset one.</summary>
public static class GeneratedPasswords
{
    public static string New()
    {
        // No 0/O, 1/l/I: the password is read off a terminal and typed.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return new string(chars.ToArray()) + "-7a";
    }
}
