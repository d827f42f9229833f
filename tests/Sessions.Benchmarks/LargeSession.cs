using System.Diagnostics;
using System.Reflection;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Benchmarks;

/// <summary>
/// Seeds a fresh data directory with one large Assembly session: the 193 member States (all members of
/// the body), observer States, UN entities, IGOs and thousands of accredited stakeholders, one delegation
/// each, and a hundred thousand participants. The schema comes from the real migrations.
/// </summary>
public sealed class LargeSession(string dataDirectory, int organisations, int participants, int observerQuota)
{
    public const string SecretariatPassword = "bench-secretariat-password";
    public const string FocalPointPassword = "bench-focal-point-password";
    public const int BatchSize = 5_000;

    private static readonly string[] UnEntities =
    [
        "United Nations Human Settlements Programme", "United Nations Environment Programme", "United Nations Development Programme",
        "United Nations Children's Fund", "World Health Organization", "United Nations Educational, Scientific and Cultural Organization",
        "Food and Agriculture Organization of the United Nations", "International Labour Organization", "World Bank Group",
        "United Nations Office for Disaster Risk Reduction", "Office of the United Nations High Commissioner for Refugees",
        "International Organization for Migration", "United Nations Population Fund", "UN Women", "United Nations Office for Project Services",
        "Economic Commission for Africa", "Economic Commission for Europe", "Economic Commission for Latin America and the Caribbean",
        "Economic and Social Commission for Asia and the Pacific", "Economic and Social Commission for Western Asia",
        "United Nations Office at Nairobi", "Department of Economic and Social Affairs", "United Nations Industrial Development Organization",
        "International Telecommunication Union", "World Meteorological Organization", "United Nations Capital Development Fund",
        "Office of the United Nations High Commissioner for Human Rights", "United Nations Office on Drugs and Crime",
        "World Food Programme", "United Nations Institute for Training and Research",
    ];

    private static readonly string[] Igos =
    [
        "African Union", "European Union", "League of Arab States", "Organisation of Islamic Cooperation", "Commonwealth Secretariat",
        "Organisation internationale de la Francophonie", "Organization of American States", "Association of Southeast Asian Nations",
        "African Development Bank", "Asian Development Bank", "Inter-American Development Bank", "Organisation for Economic Co-operation and Development",
        "Caribbean Community", "Economic Community of West African States", "East African Community", "Southern African Development Community",
        "Intergovernmental Authority on Development", "Gulf Cooperation Council", "Pacific Islands Forum", "Council of Europe",
        "Islamic Development Bank", "Central American Integration System", "Andean Community", "Shanghai Cooperation Organisation",
        "Commonwealth of Independent States", "International Fund for Agricultural Development", "Global Green Growth Institute",
        "Asian-Pacific Postal Union", "Common Market for Eastern and Southern Africa", "Economic Community of Central African States",
    ];

    private readonly Random _random = new(20261124);
    private readonly DateTime _now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "sessions.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        await using var db = CreateContext(connectionString);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Console.WriteLine($"migrated in {clock.Elapsed.TotalSeconds:F1} s");

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var names = new SyntheticNames(_random);
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        await db.SaveChangesAsync();

        // The organisations: member States first, as the register holds them.
        var all = new List<Organisation>();
        foreach (var code in UnMemberStates.Codes)
        {
            var state = new Organisation(Countries.Name(code, Languages.English), Languages.English, OrganisationCategory.MemberState) { CountryCode = code, CreatedAt = _now };
            foreach (var language in Languages.All.Where(l => l != Languages.English))
            {
                state.SetTranslatedName(language, Countries.Name(code, language));
            }

            all.Add(state);
        }

        all.Add(new Organisation("Holy See", Languages.English, OrganisationCategory.ObserverState) { CountryCode = "VA", CreatedAt = _now });
        all.Add(new Organisation("State of Palestine", Languages.English, OrganisationCategory.ObserverState) { CountryCode = "PS", CreatedAt = _now });
        all.AddRange(UnEntities.Select(n => new Organisation(n, Languages.English, OrganisationCategory.UnSystemEntity) { CreatedAt = _now }));
        all.AddRange(Igos.Select(n => new Organisation(n, Languages.English, OrganisationCategory.IntergovernmentalOrganisation) { CreatedAt = _now }));
        var countries = Countries.Codes.ToArray();
        var stakeholderCategories = SyntheticNames.StakeholderCategories;
        for (var serial = 1; all.Count < organisations; serial++)
        {
            var (name, language) = names.Organisation(serial);
            all.Add(new Organisation(name, language, stakeholderCategories[_random.Next(stakeholderCategories.Length)])
            {
                CountryCode = countries[_random.Next(countries.Length)],
                Website = $"https://org{serial}.example.org",
                ContactEmail = $"contact@org{serial}.example.org",
                CreatedAt = _now,
            });
        }

        Insert(db, connection, all);
        var organisationNames = new List<OrganisationName>();
        foreach (var organisation in all)
        {
            foreach (var name in organisation.Names)
            {
                SetPrivate(name, nameof(OrganisationName.OrganisationId), organisation.Id);
                organisationNames.Add(name);
            }
        }

        Insert(db, connection, organisationNames);
        var accreditations = all.Where(o => Capacities.Derive(o.Category, false) == Capacity.Stakeholder)
            .Select(o => new AccreditationRecord(o.Id, (AccreditationBasis)_random.Next(1, 6), AccreditationStatus.Granted, null, _now.AddYears(-_random.Next(1, 20))))
            .ToList();
        Insert(db, connection, accreditations);
        var history = new List<AccreditationChange>();
        foreach (var accreditation in accreditations)
        {
            foreach (var change in accreditation.History)
            {
                SetPrivate(change, nameof(AccreditationChange.AccreditationId), accreditation.Id);
                history.Add(change);
            }
        }

        Insert(db, connection, history);
        Console.WriteLine($"{all.Count} organisations, {accreditations.Count} granted accreditations in {clock.Elapsed.TotalSeconds:F1} s");

        // The body and its session.
        var body = new Body(TranslatedText.English("United Nations Habitat Assembly (benchmark)"), BodyKind.Assembly, "HSP/HA", Body.DefaultObserverQuota(BodyKind.Assembly));
        foreach (var member in all.Where(o => o.Category == OrganisationCategory.MemberState))
        {
            body.AddMember(member.Id, new DateOnly(2023, 1, 1), null);
        }

        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 3, "HSP/HA.3", TranslatedText.English("Third session of the United Nations Habitat Assembly"), TranslatedText.English("United Nations Office at Nairobi"), "Africa/Nairobi", new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 4))
        {
            ObserverQuotaOverride = observerQuota,
            MemberQuota = null,
        };
        session.NominationDeadline = session.ToUtc(new DateTime(2027, 5, 10, 23, 59, 0));
        session.RegistrationDeadline = session.ToUtc(new DateTime(2027, 5, 20, 23, 59, 0));
        var agenda = new[]
        {
            "Opening of the session.", "Adoption of the agenda and organization of work.", "Credentials of representatives.",
            "Report of the Executive Board.", "Strategic plan for the period 2026–2029.", "Adequate housing for all.",
            "Implementation of the New Urban Agenda.", "Urban climate action.", "Financing of sustainable urban development.",
            "Provisional agenda of the next session.", "Other matters.", "Adoption of the report of the session.", "Closure of the session.",
        };
        for (var i = 0; i < agenda.Length; i++)
        {
            session.AddAgendaItem((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), TranslatedText.English(agenda[i]));
        }

        db.Sessions.Add(session);
        await db.SaveChangesAsync();

        // Accounts: secretariat officers and one focal point per organisation, all sharing one password hash.
        var hasher = new PasswordHasher<User>();
        var secretariat = Enumerable.Range(1, 3).Select(i => NewUser($"secretariat-{i}@bench.sessions", $"Secretariat officer {i}")).ToList();
        var secretariatHash = hasher.HashPassword(secretariat[0], SecretariatPassword);
        secretariat.ForEach(u => u.PasswordHash = secretariatHash);
        var focalPoints = all.Select(o => NewUser($"fp-{o.Id}@bench.sessions", $"Focal point of {o.Name}")).ToList();
        var focalPointHash = hasher.HashPassword(focalPoints[0], FocalPointPassword);
        focalPoints.ForEach(u => u.PasswordHash = focalPointHash);
        Insert(db, connection, secretariat.Concat(focalPoints).ToList());
        Insert(db, connection, secretariat.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = roles[Roles.Secretariat].Id })
            .Concat(focalPoints.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = roles[Roles.FocalPoint].Id })).ToList());
        var focalPointRecords = all.Zip(focalPoints).Select(pair =>
        {
            var record = new FocalPoint(pair.First.Id, pair.Second.Id, FocalPointStatus.Pending, _now.AddDays(-90));
            record.Approve(secretariat[0].Id, _now.AddDays(-89));
            return record;
        }).ToList();
        Insert(db, connection, focalPointRecords);
        Console.WriteLine($"{secretariat.Count + focalPoints.Count} accounts in {clock.Elapsed.TotalSeconds:F1} s");

        // One delegation per organisation, each with its letter, and its participants.
        var letterPath = Path.Combine("files", "bench", "nomination-letter.pdf");
        Directory.CreateDirectory(Path.Combine(dataDirectory, "files", "bench"));
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(dataDirectory, letterPath), pdf);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        var sizes = DelegationSizes(all, body);
        var files = new List<StoredFile>();
        var delegations = new List<Delegation>();
        var serialEmail = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var organisation = all[i];
            var focalPoint = focalPoints[i];
            var capacity = Capacities.Derive(organisation.Category, body.IsMemberOn(organisation.Id, session.OpensOn));
            var delegation = new Delegation(session.Id, organisation.Id, capacity, focalPoint.Id, _now.AddDays(-_random.Next(10, 60)));
            var roll = _random.NextDouble();
            var status = roll < 0.70 ? RegistrationStatus.Submitted : roll < 0.85 ? RegistrationStatus.Approved : roll < 0.95 ? RegistrationStatus.Draft : RegistrationStatus.Rejected;
            if (status != RegistrationStatus.Draft || _random.NextDouble() < 0.5)
            {
                var file = new StoredFile(Guid.NewGuid(), capacity == Capacity.Member ? "note-verbale.pdf" : "nomination-letter.pdf", "application/pdf", pdf.Length, sha, letterPath, focalPoint.Id, delegation.CreatedAt);
                files.Add(file);
                delegation.AttachLetter(file.Id);
            }

            for (var n = 0; n < sizes[i]; n++)
            {
                var (given, family, language) = names.Person();
                var function = n == 0 ? ParticipantFunction.HeadOfDelegation : n == 1 ? ParticipantFunction.Alternate : _random.NextDouble() < 0.6 ? ParticipantFunction.Representative : ParticipantFunction.Adviser;
                var details = new ParticipantDetails(
                    _random.NextDouble() < 0.5 ? "Ms." : "Mr.",
                    given,
                    family,
                    function,
                    $"participant-{++serialEmail}@org{organisation.Id}.example.org",
                    Languages.IsSupported(language) ? language : Languages.English,
                    _random.NextDouble() < 0.7);
                var participant = delegation.Nominate(details, ParticipantStatus.Nominated, delegation.CreatedAt.AddMinutes(n));
                if (status != RegistrationStatus.Draft && _random.NextDouble() < 0.4)
                {
                    participant.Confirm(delegation.CreatedAt.AddDays(2));
                }
            }

            if (status != RegistrationStatus.Draft)
            {
                delegation.Submit(delegation.CreatedAt.AddDays(3));
            }

            if (status == RegistrationStatus.Approved)
            {
                delegation.Approve(secretariat[_random.Next(secretariat.Count)].Id, delegation.CreatedAt.AddDays(5));
                foreach (var participant in delegation.Participants)
                {
                    participant.Approve(GroundsPassRequirements.None);
                }
            }
            else if (status == RegistrationStatus.Rejected)
            {
                delegation.Reject(secretariat[0].Id, delegation.CreatedAt.AddDays(5), "The nomination letter is not signed by the head of the organisation.");
            }

            delegations.Add(delegation);
        }

        Insert(db, connection, files);
        Insert(db, connection, delegations);
        var people = new List<Participant>(participants);
        foreach (var delegation in delegations)
        {
            foreach (var participant in delegation.Participants)
            {
                SetPrivate(participant, nameof(Participant.DelegationId), delegation.Id);
                people.Add(participant);
            }
        }

        Insert(db, connection, people);
        Console.WriteLine($"{delegations.Count} delegations, {people.Count} participants in {clock.Elapsed.TotalSeconds:F1} s");

        using (var analyse = connection.CreateCommand())
        {
            analyse.CommandText = "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);";
            analyse.ExecuteNonQuery();
        }

        var byStatus = delegations.GroupBy(d => d.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var byCapacity = delegations.GroupBy(d => d.Capacity).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()} ({g.Sum(d => d.Participants.Count)} participants)");
        Console.WriteLine();
        Console.WriteLine($"Seeded {dataDirectory} in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  session {session.Id} {session.Symbol}: observer quota {observerQuota} per organisation (session override), members uncapped");
        Console.WriteLine($"  delegations by status: {string.Join(", ", byStatus)}");
        Console.WriteLine($"  delegations by capacity: {string.Join(", ", byCapacity)}");
        Console.WriteLine($"  participants consenting to the public list: {people.Count(p => p.ConsentToPublicList)} of {people.Count}");
        Console.WriteLine($"  secretariat: {string.Join(", ", secretariat.Select(u => u.Email))}  password: {SecretariatPassword}");
        Console.WriteLine($"  focal points: fp-<organisation id>@bench.sessions, e.g. {focalPoints[0].Email} ({all[0].Name}), {focalPoints[^1].Email} ({all[^1].Name})  password: {FocalPointPassword}");
        Console.WriteLine($"Start the app: Sessions__DataDirectory={dataDirectory} Sessions__PublicUrl=http://127.0.0.1:5080 Security__SignInPermitsPerMinute=100000 ASPNETCORE_ENVIRONMENT=Production dotnet run -c Release --project src/Sessions.Web --urls http://127.0.0.1:5080");
    }

    public static SessionsDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SessionsDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("Sessions.Migrations.Sqlite"))
            .Options);

    /// <summary>
    /// Observers get 1 to the quota (most send a few people); member States, uncapped, carry the rest of
    /// the participants in proportion to a random weight, as large national delegations do.
    /// </summary>
    private int[] DelegationSizes(List<Organisation> all, Body body)
    {
        var sizes = new int[all.Count];
        var observers = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (Capacities.IsObserver(Capacities.Derive(all[i].Category, body.IsMemberOn(all[i].Id, new DateOnly(2027, 5, 31)))))
            {
                sizes[i] = 1 + (int)((observerQuota - 1) * Math.Pow(_random.NextDouble(), 2));
                observers += sizes[i];
            }
        }

        var members = Enumerable.Range(0, all.Count).Where(i => sizes[i] == 0).ToList();
        var weights = members.ToDictionary(i => i, _ => 0.3 + _random.NextDouble() * 1.7);
        var remaining = Math.Max(members.Count, participants - observers);
        var totalWeight = weights.Values.Sum();
        var given = 0;
        foreach (var i in members)
        {
            sizes[i] = Math.Max(1, (int)(remaining * weights[i] / totalWeight));
            given += sizes[i];
        }

        for (var k = 0; given < remaining; k++, given++)
        {
            sizes[members[k % members.Count]]++;
        }

        return sizes;
    }

    private User NewUser(string email, string fullName) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        FullName = fullName,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        CreatedAt = _now.AddDays(-100),
        PreferredLanguage = Languages.All[_random.Next(Languages.All.Count)],
    };

    private static void Insert<T>(DbContext db, SqliteConnection connection, IReadOnlyList<T> rows)
        where T : class
    {
        using var writer = new TableWriter<T>(db, connection);
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            using var transaction = connection.BeginTransaction();
            writer.Transaction = transaction;
            foreach (var row in rows.Skip(start).Take(BatchSize))
            {
                writer.Insert(row);
            }

            transaction.Commit();
        }
    }

    private static void SetPrivate(object target, string property, object value) =>
        target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.SetValue(target, value);
}
