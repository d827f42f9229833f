namespace Sessions.Core.Common;

/// <summary>Who is acting: the signed-in user of a request, or nobody for background jobs.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
}
