using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>Who comes to the microphone: the next speaker in order, another waiting speaker the President calls, or no one (skipped, withdrawn).</summary>
public static class CallSpeaker
{
    public enum Step
    {
        CallNext,
        GiveTheFloor,
        Skip,
        Withdraw,
    }

    /// <summary><see cref="InscriptionId"/> is not used by <see cref="Step.CallNext"/>.</summary>
    public sealed record Command(int ListId, Guid Version, Step Step, int InscriptionId = 0);

    public sealed class Handler(SpeakersListChanges changes)
    {
        /// <summary>False when there is no such list.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            await changes.ApplyAsync(command.ListId, command.Version, (list, now) =>
            {
                _ = command.Step switch
                {
                    Step.CallNext => list.CallNext(now),
                    Step.GiveTheFloor => list.GiveTheFloor(command.InscriptionId, now),
                    Step.Skip => list.Skip(command.InscriptionId, now),
                    _ => list.Withdraw(command.InscriptionId, now),
                };
                return true;
            }, cancellationToken);
    }
}
