using Microsoft.AspNetCore.Identity;

namespace Sessions.Core.Accounts;

public class User : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>Two-letter UN language code; notices to this user are written in it.</summary>
    public string PreferredLanguage { get; set; } = "en";

    /// <summary>A deactivated account cannot sign in; its records stay.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
