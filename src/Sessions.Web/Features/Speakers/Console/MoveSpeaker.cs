using Sessions.Core.Common;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>
/// The secretariat moves a waiting entry by hand: one place up or down (the buttons, and the keyboard's way to do
/// what drag and drop does), to a chosen place, or back to where protocol puts it. A moved entry keeps its place.
/// </summary>
public static class MoveSpeaker
{
    public enum Step
    {
        Up,
        Down,
        ToPlace,
        ReturnToProtocolOrder,
    }

    /// <summary><see cref="Place"/> (1 = top of the whole list) is only for <see cref="Step.ToPlace"/>.</summary>
    public sealed record Command(int ListId, Guid Version, Step Step, int InscriptionId, int Place = 0);

    public sealed class Handler(SpeakersListChanges changes)
    {
        /// <summary>False when there is no such list.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            await changes.ApplyAsync(command.ListId, command.Version, (list, now) =>
            {
                switch (command.Step)
                {
                    case Step.Up:
                        SwapWithNeighbour(list, command.InscriptionId, -1, now);
                        break;
                    case Step.Down:
                        SwapWithNeighbour(list, command.InscriptionId, +1, now);
                        break;
                    case Step.ToPlace:
                        list.MoveTo(command.InscriptionId, command.Place, now);
                        break;
                    default:
                        list.ReturnToProtocolOrder(command.InscriptionId, now);
                        break;
                }

                return true;
            }, cancellationToken);

        /// <summary>
        /// Moves the entry one place and its neighbour into the place it leaves. A neighbour in protocol order falls
        /// into that place by itself; one moved by hand earlier is moved there too, or it would slide along with the entry.
        /// </summary>
        private static void SwapWithNeighbour(SpeakersList list, int inscriptionId, int direction, DateTime now)
        {
            var ordered = list.InSpeakingOrder();
            var index = ordered.ToList().FindIndex(i => i.Id == inscriptionId);
            if (index < 0 || ordered[index].Status != SpeakerStatus.Waiting)
            {
                // MoveTo refuses it with the list's own reason: no such entry, or it is no longer waiting.
                list.MoveTo(inscriptionId, 1, now);
                return;
            }

            var neighbourIndex = index + direction;
            if (neighbourIndex >= ordered.Count)
            {
                throw new DomainException("This speaker is already the last on the list.");
            }

            if (neighbourIndex < 0 || ordered[neighbourIndex].Status != SpeakerStatus.Waiting)
            {
                throw new DomainException("This speaker is already the first one waiting.");
            }

            var neighbour = ordered[neighbourIndex];
            list.MoveTo(inscriptionId, neighbourIndex + 1, now);
            if (neighbour.ManualPosition is not null)
            {
                list.MoveTo(neighbour.Id, index + 1, now);
            }
        }
    }
}
