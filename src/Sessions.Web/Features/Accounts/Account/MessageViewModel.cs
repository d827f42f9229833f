namespace Sessions.Web.Features.Accounts.Account;

/// <summary>A page that only tells the user what happened ("check your inbox") and where to go next.</summary>
public sealed record MessageViewModel(string Title, string Message, string? LinkUrl = null, string? LinkLabel = null);
