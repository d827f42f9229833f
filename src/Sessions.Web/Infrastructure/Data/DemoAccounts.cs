using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// In Development, over the demo data: one account for each side of Sessions besides the secretariat's, so a newcomer
/// sees them all without registering and approving. They share one generated password, printed once at the start that
/// creates them and kept in <see cref="FileName"/> in the data directory, readable by the local user alone.
/// </summary>
public sealed class DemoAccounts(SessionsDbContext db, UserManager<User> users, DataDirectory dataDirectory, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    public const string FileName = "demo-accounts.txt";
    public const string ObserverFocalPoint = "sdi.focal.point@demo.example";
    public const string MemberStateFocalPoint = "kenya.focal.point@demo.example";

    /// <summary>The head of Slum Dwellers International's delegation on HSP/HA.2, already a participant of the demo.</summary>
    public const string Delegate = "thandi.nkosi@demo.example";

    private const string SessionSymbol = "HSP/HA.2";

    public async Task EnsureAsync()
    {
        if (await users.FindByEmailAsync(ObserverFocalPoint) is not null)
        {
            return;
        }

        var observer = await db.Organisations.SingleOrDefaultAsync(o => o.Acronym == "SDI" && o.Category == OrganisationCategory.NonGovernmentalOrganisation);
        var kenya = await db.Organisations.SingleOrDefaultAsync(o => o.CountryCode == "KE" && o.Category == OrganisationCategory.MemberState);
        var participant = observer is null ? null : await db.Participants.SingleOrDefaultAsync(p => p.Email == Delegate
            && db.Delegations.Any(d => d.Id == p.DelegationId && d.OrganisationId == observer.Id && db.Sessions.Any(s => s.Id == d.SessionId && s.Symbol == SessionSymbol)));
        if (observer is null || kenya is null || participant is null)
        {
            logger.LogWarning("The demo accounts were not created: the database holds other data than the demo's.");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var password = GeneratedPasswords.New();
        var observerFocalPoint = await CreateAsync(ObserverFocalPoint, "Sipho Dlamini", password, Roles.FocalPoint, now);
        var kenyaFocalPoint = await CreateAsync(MemberStateFocalPoint, "Achieng Odhiambo", password, Roles.FocalPoint, now);
        var delegateAccount = await CreateAsync(Delegate, $"{participant.GivenName} {participant.FamilyName}", password, role: null, now);
        foreach (var (organisation, user) in new[] { (observer, observerFocalPoint), (kenya, kenyaFocalPoint) })
        {
            var focalPoint = new FocalPoint(organisation.Id, user.Id, FocalPointStatus.Pending, now);
            focalPoint.Approve("demo", now);
            db.FocalPoints.Add(focalPoint);
        }

        // Linked as a real delegate is: by the verified address, which also gives the Delegate role.
        await db.LinkParticipationsAsync(delegateAccount);
        await db.SaveChangesAsync();

        var lines = new[]
        {
            "Demo accounts (Development, demo data), one password for all three:",
            $"   focal point of {observer.Name} (accredited, a delegation on {SessionSymbol}): {ObserverFocalPoint}",
            $"   delegate of that delegation, {participant.GivenName} {participant.FamilyName}: {Delegate}",
            $"   focal point of {kenya.Name} (member State): {MemberStateFocalPoint}",
            $"   password: {password}",
        };
        var file = dataDirectory.Combine(FileName);
        await WriteForLocalUserOnlyAsync(file, lines);
        Console.WriteLine();
        Console.WriteLine("==============================================================");
        foreach (var line in lines)
        {
            Console.WriteLine(" " + line);
        }

        Console.WriteLine($" Kept in {file} (readable by you only).");
        Console.WriteLine("==============================================================");
        Console.WriteLine();
    }

    private async Task<User> CreateAsync(string email, string fullName, string password, string? role, DateTime now)
    {
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = now };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the demo account {email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private static async Task WriteForLocalUserOnlyAsync(string path, IEnumerable<string> lines)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with mode 600, so the password is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(path, options))
        {
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            // A file left by an earlier database keeps its mode when overwritten.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
