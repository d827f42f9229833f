using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Core.Common;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Features.Audit;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Accounts.Account;

public sealed class FocalPointRuleTests
{
    private static readonly DateTime _at = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_approved_claim_records_who_decided_and_when()
    {
        var claim = new FocalPoint(1, "user", FocalPointStatus.Pending, _at);
        claim.Approve("secretariat", _at.AddDays(1));
        Assert.Equal((FocalPointStatus.Approved, "secretariat", _at.AddDays(1), (string?)null), (claim.Status, claim.DecidedByUserId, claim.DecidedAt, claim.DecisionReason));
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var claim = new FocalPoint(1, "user", FocalPointStatus.Pending, _at);
        var error = Assert.Throws<DomainException>(() => claim.Reject("secretariat", _at, "  "));
        Assert.Equal("Give the reason for the rejection.", error.Message);
        Assert.Equal(FocalPointStatus.Pending, claim.Status);
    }

    [Fact]
    public void A_decided_claim_cannot_be_decided_again()
    {
        var claim = new FocalPoint(1, "user", FocalPointStatus.Pending, _at);
        claim.Reject("secretariat", _at, " Not a member of staff. ");
        Assert.Equal("Not a member of staff.", claim.DecisionReason);
        var error = Assert.Throws<DomainException>(() => claim.Approve("secretariat", _at));
        Assert.Equal("This request has already been decided.", error.Message);
    }

    [Theory]
    [InlineData(nameof(IdentityErrorDescriber.PasswordTooShort), "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData(nameof(IdentityErrorDescriber.DuplicateEmail), "Un compte existe déjà avec cette adresse électronique. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.")]
    [InlineData(nameof(IdentityErrorDescriber.PasswordMismatch), "Le mot de passe actuel n’est pas correct.")]
    [InlineData(nameof(IdentityErrorDescriber.InvalidToken), "Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau.")]
    [InlineData("SomethingNew", "Votre compte n’a pas pu être mis à jour. Réessayez ou contactez le secrétariat.")]
    public void Identity_refusals_are_shown_in_the_users_language_never_in_identitys_english(string code, string expected)
    {
        var localizer = new JsonStringLocalizer(JsonStringLocalizer.Load(Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources")), NullLogger.Instance);
        using var _ = new CultureScope("fr");
        Assert.Equal(expected, IdentityErrors.Describe(localizer, new IdentityError { Code = code, Description = "English from Identity" }));
    }

    [Fact]
    public void The_audit_changes_are_read_as_old_and_new_values()
    {
        var changes = AuditLog.Handler.ReadChanges("{\"Name\":[\"Old\",\"New\"],\"Acronym\":[null,\"NN\"],\"Status\":[1,2]}");
        Assert.Equal([new("Name", "Old", "New"), new("Acronym", null, "NN"), new("Status", "1", "2")], changes);
        Assert.Empty(AuditLog.Handler.ReadChanges("not json"));
    }
}
