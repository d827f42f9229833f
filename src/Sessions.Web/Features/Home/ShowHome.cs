using Sessions.Web.Features.Sessions.Schedule;

namespace Sessions.Web.Features.Home;

/// <summary>
/// The home page: one part per role that applies to the reader, in one page (a focal point who is also a delegate sees
/// both). A signed-out reader, or one with nothing of their own yet, sees the published sessions.
/// </summary>
public static class ShowHome
{
    public sealed record Reader(string? UserId, bool IsSecretariat, bool IsFocalPoint, bool IsDelegate);

    public sealed record Model(
        SecretariatDesk.Model? Desk,
        MyOrganisations.Model? Organisations,
        MySessions.Model? Sessions,
        ListSessions.Model? Published);

    public sealed class Handler(SecretariatDesk.Handler desk, MyOrganisations.Handler organisations, MySessions.Handler sessions, ListSessions.Handler published)
    {
        public async Task<Model> HandleAsync(Reader reader, string language, CancellationToken cancellationToken = default)
        {
            if (reader.UserId is not { } userId)
            {
                return new Model(null, null, null, await published.HandleAsync(1));
            }

            var deskModel = reader.IsSecretariat ? await desk.HandleAsync(cancellationToken) : null;
            var organisationsModel = reader.IsFocalPoint ? await organisations.HandleAsync(userId, language, cancellationToken) : null;
            var mine = await sessions.HandleAsync(userId, language, cancellationToken);
            var sessionsModel = reader.IsDelegate || !mine.IsEmpty ? mine : null;
            var nothingOfTheirOwn = deskModel is null && organisationsModel is null && sessionsModel is null;
            return new Model(deskModel, organisationsModel, sessionsModel, nothingOfTheirOwn ? await published.HandleAsync(1) : null);
        }
    }
}
