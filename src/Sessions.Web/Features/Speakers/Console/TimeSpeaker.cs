using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>The timer of the speaker who has the floor: start, pause, resume, extend, and stop, which records the time spoken.</summary>
public static class TimeSpeaker
{
    public enum Step
    {
        Start,
        Pause,
        Resume,
        Stop,
        Extend,
    }

    /// <summary><see cref="ExtraSeconds"/> is only for <see cref="Step.Extend"/>.</summary>
    public sealed record Command(int ListId, Guid Version, Step Step, int InscriptionId, int ExtraSeconds = 0);

    public sealed class Handler(SpeakersListChanges changes)
    {
        /// <summary>False when there is no such list.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            await changes.ApplyAsync(command.ListId, command.Version, (list, now) =>
            {
                _ = command.Step switch
                {
                    Step.Start or Step.Resume => list.StartTimer(command.InscriptionId, now),
                    Step.Pause => list.PauseTimer(command.InscriptionId, now),
                    Step.Stop => list.FinishSpeaking(command.InscriptionId, now),
                    _ => list.Extend(command.InscriptionId, TimeSpan.FromSeconds(command.ExtraSeconds), now),
                };
                return true;
            }, cancellationToken);
    }
}
