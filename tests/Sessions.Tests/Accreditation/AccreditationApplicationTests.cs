using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.AccreditationRegister;

public sealed class AccreditationApplicationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Focal_point_applies_and_the_secretariat_reads_the_documents_and_grants_it()
    {
        var name = "Flood Homes " + OrganisationSeeding.UniqueToken();
        var organisationId = await factory.AddOrganisationAsync(name);
        var bodyId = await factory.AddBodyAsync(name: "Executive Board " + name);
        var focalPoint = factory.CreateBrowser();
        var user = await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId, language: "fr");

        var applied = await focalPoint.ApplyAsync(organisationId, bodyId, mission: "We rebuild homes after floods.", letterName: "lettre signée.pdf");
        var id = applied.CreatedId();

        var received = await factory.WaitForMessageAsync(user.Email!, m => (m.Subject ?? "").Contains("reçue", StringComparison.Ordinal));
        Assert.Contains(name, received.Subject);
        Assert.False(await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, bodyId)));

        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var queue = await (await secretariat.GetAsync($"/accreditation/queue?status=Pending&bodyId={bodyId}")).TextAsync();
        Assert.Contains(name, queue);
        Assert.Contains($"/accreditation/{id}", queue);

        var page = await (await secretariat.GetAsync($"/accreditation/{id}")).TextAsync();
        Assert.Contains("We rebuild homes after floods.", page);
        Assert.Contains($"/accreditation/{id}/letter", page);
        Assert.Contains($"/accreditation/{id}/governing-body", page);

        var letter = await secretariat.GetAsync($"/accreditation/{id}/letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", letter.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("lettre signée.pdf", letter.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(TestPdf.Bytes("letter"), await letter.Content.ReadAsByteArrayAsync());
        var list = await secretariat.GetAsync($"/accreditation/{id}/governing-body");
        Assert.Equal(TestPdf.Bytes("board"), await list.Content.ReadAsByteArrayAsync());

        var granted = await secretariat.PostFormAsync($"/accreditation/{id}/grant", new { Version = await factory.VersionOfAccreditationAsync(id) }, $"/accreditation/{id}");

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var message = await factory.WaitForMessageAsync(user.Email!, m => (m.Subject ?? "").Contains("accordée", StringComparison.Ordinal));
        Assert.Equal($"Accréditation de {name} accordée", message.Subject);
        Assert.Contains("Executive Board " + name, message.TextBody);
        Assert.True(await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, bodyId)));
        var otherBodyId = await factory.AddBodyAsync();
        Assert.False(await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, otherBodyId)));

        var standing = await (await focalPoint.GetAsync("/accreditation")).TextAsync();
        Assert.Contains(name, standing);
        Assert.Contains("Granted", standing);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_focal_point_is_sent()
    {
        var (id, user) = await PendingApplicationAsync();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var refused = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/reject", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "" }, $"/accreditation/{id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give the reason for the rejection.", await refused.TextAsync());
        Assert.Equal(AccreditationStatus.Pending, await StatusAsync(id));

        var rejected = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/reject", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "The letter is not signed." }, $"/accreditation/{id}");

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(AccreditationStatus.Rejected, await StatusAsync(id));
        var message = await factory.WaitForMessageAsync(user.Email!, m => (m.Subject ?? "").Contains("not granted", StringComparison.Ordinal));
        Assert.Contains("The letter is not signed.", message.TextBody);
        var history = await factory.InDatabaseAsync(db => db.AccreditationChanges.Where(c => c.AccreditationId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([AccreditationStatus.Pending, AccreditationStatus.Rejected], history.Select(h => h.ToStatus));
        Assert.Equal("The letter is not signed.", history[1].Reason);
        Assert.NotNull(history[1].ByUserId);
    }

    [Fact]
    public async Task The_secretariat_suspends_then_withdraws_an_ecosoc_accreditation_with_reasons_in_the_history()
    {
        var name = "Roster NGO " + OrganisationSeeding.UniqueToken();
        var organisationId = await factory.AddOrganisationAsync(name, accreditation: AccreditationBasis.EcosocSpecial);
        var bodyId = await factory.AddBodyAsync();
        var user = await factory.CreateBrowser().SignInAsFocalPointOfAsync(factory, organisationId);
        var id = await factory.InDatabaseAsync(db => db.Accreditations.Where(a => a.OrganisationId == organisationId).Select(a => a.Id).SingleAsync());
        Assert.True(await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, bodyId)));
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var noReason = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/suspend", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = " " }, $"/accreditation/{id}");
        Assert.Contains("Give the reason for the suspension.", await noReason.TextAsync());

        var suspended = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/suspend", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "Status under review by ECOSOC." }, $"/accreditation/{id}");
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, bodyId)));
        await factory.WaitForMessageAsync(user.Email!, m => (m.Subject ?? "").Contains("suspended", StringComparison.Ordinal));

        var noWithdrawReason = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/withdraw", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "" }, $"/accreditation/{id}");
        Assert.Contains("Give the reason for the withdrawal.", await noWithdrawReason.TextAsync());

        var withdrawn = await secretariat.PostConfirmedFormAsync($"/accreditation/{id}/withdraw", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "Status withdrawn by ECOSOC." }, $"/accreditation/{id}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var message = await factory.WaitForMessageAsync(user.Email!, m => (m.Subject ?? "").Contains("withdrawn", StringComparison.Ordinal));
        Assert.Contains("Status withdrawn by ECOSOC.", message.TextBody);

        var history = await factory.InDatabaseAsync(db => db.AccreditationChanges.Where(c => c.AccreditationId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([AccreditationStatus.Granted, AccreditationStatus.Suspended, AccreditationStatus.Withdrawn], history.Select(h => h.ToStatus));
        Assert.Equal([null, "Status under review by ECOSOC.", "Status withdrawn by ECOSOC."], history.Select(h => h.Reason));
        var page = await (await secretariat.GetAsync($"/accreditation/{id}")).TextAsync();
        Assert.Contains("Status under review by ECOSOC.", page);
        Assert.Contains("Status withdrawn by ECOSOC.", page);
    }

    [Fact]
    public async Task A_decision_on_a_record_changed_meanwhile_is_refused_with_the_shared_message()
    {
        var (id, _) = await PendingApplicationAsync();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var response = await secretariat.PostFormAsync($"/accreditation/{id}/grant", new { Version = Guid.NewGuid() }, $"/accreditation/{id}");

        Assert.Contains("Someone else changed this record while you were editing it.", await response.TextAsync());
        Assert.Equal(AccreditationStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task A_document_that_is_a_word_file_renamed_pdf_is_refused_and_the_mission_is_kept()
    {
        var organisationId = await factory.AddOrganisationAsync("Renamed Docs " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId, mission: "Our mission is typed once only.", letter: TestPdf.WordDocument());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Contains("The file is not a PDF document.", page);
        Assert.Contains("Our mission is typed once only.</textarea>", page);
        Assert.False(await factory.InDatabaseAsync(db => db.Accreditations.AnyAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task An_empty_document_is_refused()
    {
        var organisationId = await factory.AddOrganisationAsync("Empty Docs " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId, governingBodyList: []);

        var page = await response.TextAsync();
        Assert.Contains("The file is empty.", page);
        Assert.Contains("We house families displaced by floods.</textarea>", page);
        Assert.False(await factory.InDatabaseAsync(db => db.Accreditations.AnyAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task A_document_over_10_MB_is_refused()
    {
        var organisationId = await factory.AddOrganisationAsync("Large Docs " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId, letter: TestPdf.OfSize(11));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is larger than 10 MB.", await response.TextAsync());
        Assert.False(await factory.InDatabaseAsync(db => db.Accreditations.AnyAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task The_refusal_is_shown_in_the_users_language()
    {
        var organisationId = await factory.AddOrganisationAsync("Langue " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser("es");
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId, mission: " ", letter: TestPdf.WordDocument());

        var page = await response.TextAsync();
        Assert.Contains("Describa la misión de la organización.", page);
        Assert.Contains("El archivo no es un documento PDF.", page);
    }

    [Fact]
    public async Task A_second_application_to_the_same_body_while_one_is_pending_is_refused()
    {
        var (_, _, client, organisationId, bodyId) = await PendingApplicationWithClientAsync();

        var second = await client.ApplyAsync(organisationId, bodyId, mission: "Pressed send twice.");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.TextAsync();
        Assert.Contains("already applied for accreditation to this body", page);
        Assert.Contains("Pressed send twice.</textarea>", page);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Accreditations.CountAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task An_organisation_already_eligible_cannot_apply()
    {
        var organisationId = await factory.AddOrganisationAsync("Habitat Veteran " + OrganisationSeeding.UniqueToken(), accreditation: AccreditationBasis.HabitatIII);
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId);

        Assert.Contains("already accredited for the sessions of this body", await response.TextAsync());
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Accreditations.CountAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task After_a_rejection_the_organisation_may_apply_again()
    {
        var (id, user, client, organisationId, bodyId) = await PendingApplicationWithClientAsync();
        await factory.InDatabaseAsync(async db =>
        {
            var accreditation = await db.Accreditations.SingleAsync(a => a.Id == id);
            accreditation.Reject(user.Id, DateTime.UtcNow, "Incomplete.");
            return await db.SaveChangesAsync();
        });

        var again = await client.ApplyAsync(organisationId, bodyId);

        Assert.NotEqual(id, again.CreatedId());
    }

    [Fact]
    public async Task The_database_query_agrees_with_the_eligibility_rule()
    {
        var bodyId = await factory.AddBodyAsync();
        var otherBodyId = await factory.AddBodyAsync();
        foreach (var basis in Enum.GetValues<AccreditationBasis>())
        {
            foreach (var status in Enum.GetValues<AccreditationStatus>())
            {
                foreach (var accreditedBody in new int?[] { bodyId, otherBodyId })
                {
                    var organisationId = await factory.AddOrganisationAsync($"Rule {basis} {status} {OrganisationSeeding.UniqueToken()}");
                    var record = new Sessions.Core.Accreditation.Accreditation(organisationId, basis, status, accreditedBody, DateTime.UtcNow);
                    await factory.InDatabaseAsync(db =>
                    {
                        db.Accreditations.Add(record);
                        return db.SaveChangesAsync();
                    });

                    var expected = AccreditationEligibility.IsEligible([record], bodyId);
                    Assert.Equal(expected, await factory.InDatabaseAsync(db => db.IsEligibleToRegisterAsync(organisationId, bodyId)));
                }
            }
        }
    }

    [Fact]
    public async Task A_request_larger_than_two_documents_can_be_sent_back_to_the_form_with_a_message()
    {
        var organisationId = await factory.AddOrganisationAsync("Huge Docs " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var response = await client.ApplyAsync(organisationId, bodyId, letter: TestPdf.OfSize(11), governingBodyList: TestPdf.OfSize(11));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The documents are too large: each must be at most 10 MB.", await form.TextAsync());
        Assert.False(await factory.InDatabaseAsync(db => db.Accreditations.AnyAsync(a => a.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task The_organisation_edit_page_records_its_accreditation_change_in_the_history()
    {
        var name = "Edited Standing " + OrganisationSeeding.UniqueToken();
        var organisationId = await factory.AddOrganisationAsync(name, accreditation: AccreditationBasis.EcosocRoster, accreditationStatus: AccreditationStatus.Pending);
        var client = factory.CreateBrowser();
        var secretariat = await client.SignInAsAsync(factory, Roles.Secretariat);
        var version = await factory.InDatabaseAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Version).SingleAsync());

        var saved = await client.PostFormAsync(
            $"/organisations/{organisationId}/edit",
            new { Name = name, OriginalLanguage = "en", Category = "NonGovernmentalOrganisation", AccreditationBasis = "EcosocRoster", AccreditationStatus = "Granted", Version = version },
            $"/organisations/{organisationId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = await factory.InDatabaseAsync(db => db.AccreditationChanges
            .Where(c => db.Accreditations.Any(a => a.Id == c.AccreditationId && a.OrganisationId == organisationId)).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal((AccreditationStatus?)AccreditationStatus.Pending, history[1].FromStatus);
        Assert.Equal(AccreditationStatus.Granted, history[1].ToStatus);
        Assert.Equal(secretariat.Id, history[1].ByUserId);
    }

    [Fact]
    public async Task The_database_holds_one_pending_application_per_organisation_and_body()
    {
        var organisationId = await factory.AddOrganisationAsync("Double Click " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        Task<int> AddAsync(AccreditationStatus status) => factory.InDatabaseAsync(db =>
        {
            db.Accreditations.Add(new Sessions.Core.Accreditation.Accreditation(organisationId, AccreditationBasis.AdHoc, status, bodyId, DateTime.UtcNow));
            return db.SaveChangesAsync();
        });

        await AddAsync(AccreditationStatus.Rejected);
        await AddAsync(AccreditationStatus.Pending);

        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(AccreditationStatus.Pending));
    }

    private Task<AccreditationStatus> StatusAsync(int id) =>
        factory.InDatabaseAsync(db => db.Accreditations.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private async Task<(int Id, User User)> PendingApplicationAsync()
    {
        var (id, user, _, _, _) = await PendingApplicationWithClientAsync();
        return (id, user);
    }

    private async Task<(int Id, User User, HttpClient Client, int OrganisationId, int BodyId)> PendingApplicationWithClientAsync()
    {
        var organisationId = await factory.AddOrganisationAsync("Applicant " + OrganisationSeeding.UniqueToken());
        var bodyId = await factory.AddBodyAsync();
        var client = factory.CreateBrowser();
        var user = await client.SignInAsFocalPointOfAsync(factory, organisationId);
        var id = (await client.ApplyAsync(organisationId, bodyId)).CreatedId();
        return (id, user, client, organisationId, bodyId);
    }
}
