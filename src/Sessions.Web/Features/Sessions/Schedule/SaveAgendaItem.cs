using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>Adds an item to a session's agenda, or changes one's number and title.</summary>
public static class SaveAgendaItem
{
    public sealed class Command
    {
        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public int ItemId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [Required(ErrorMessage = "Enter the item number, e.g. 4 or 6 (a).")]
        [StringLength(20, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Item number")]
        public string Number { get; set; } = "";

        /// <summary>The title as the agenda prints it, in the languages the secretariat has it in.</summary>
        public TranslatedTextForm Title { get; set; } = new();
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>A blank item numbered after the last one; null when the session does not exist.</summary>
        public async Task<Command?> NewAsync(int sessionId)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Symbol, s.WorkingLanguage, Count = s.AgendaItems.Count }).SingleOrDefaultAsync();
            return session is null ? null : new Command { SessionId = sessionId, SessionSymbol = session.Symbol, Number = (session.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Title = new TranslatedTextForm { OriginalLanguage = session.WorkingLanguage } };
        }

        public async Task<Command?> LoadAsync(int sessionId, int itemId) =>
            await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId && a.Id == itemId)
                .Select(a => new Command
                {
                    SessionId = sessionId,
                    ItemId = a.Id,
                    SessionSymbol = db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).Single(),
                    Number = a.Number,
                    Title = TranslatedTextForm.From(a.Title),
                })
                .SingleOrDefaultAsync();

        public async Task<string> SymbolAsync(int sessionId) =>
            await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleOrDefaultAsync() ?? "";

        /// <summary>False when the session (or the item being edited) does not exist.</summary>
        public async Task<bool> HandleAsync(Command command)
        {
            var session = await ManageSession.LoadForChangeAsync(db, command.SessionId);
            if (session is null || (command.ItemId != 0 && session.AgendaItems.All(a => a.Id != command.ItemId)))
            {
                return false;
            }

            if (command.ItemId == 0)
            {
                session.AddAgendaItem(command.Number, command.Title.ToText());
            }
            else
            {
                session.ReviseAgendaItem(command.ItemId, command.Number, command.Title.ToText());
            }

            await db.SaveChangesAsync();
            return true;
        }
    }
}
