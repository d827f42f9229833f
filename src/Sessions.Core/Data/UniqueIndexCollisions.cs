using Microsoft.EntityFrameworkCore;

namespace Sessions.Core.Data;

/// <summary>
/// Saves where the unique index refusing a concurrent insert is the designed path (take the next symbol, "already
/// present", "already registered"): the refusal is logged at debug level instead of as a database failure. Any other
/// failure of the same save is still logged as an error.
/// </summary>
public static class UniqueIndexCollisions
{
    private static readonly AsyncLocal<bool> _expected = new();

    /// <summary>True inside <see cref="SaveChangesExpectingCollisionAsync"/>, on the flow that saves.</summary>
    public static bool AreExpected => _expected.Value;

    public static async Task<int> SaveChangesExpectingCollisionAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        // Set inside this async method, so the flag reaches the save and is gone again for the caller.
        _expected.Value = true;
        return await db.SaveChangesAsync(cancellationToken);
    }
}
