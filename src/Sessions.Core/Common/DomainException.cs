namespace Sessions.Core.Common;

/// <summary>
/// A rule refused an action. <see cref="Exception.Message"/> is a localiser key (English text with
/// {0}-style placeholders); the web layer translates it with <see cref="Arguments"/>. A check of several rules
/// refuses them all at once (<see cref="RuleChecks"/>): <see cref="Refusals"/> holds each, with its field.
/// </summary>
public sealed class DomainException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    private IReadOnlyList<DomainException>? _several;

    public object[] Arguments { get; } = arguments;

    /// <summary>The form field the refusal belongs to; empty when the action that ran the rule names it (or none).</summary>
    public string Field { get; init; } = "";

    /// <summary>Every refusal this one stands for: itself alone, or each rule a <see cref="RuleChecks"/> found broken.</summary>
    public IReadOnlyList<DomainException> Refusals => _several ?? [this];

    internal static DomainException Several(IReadOnlyList<DomainException> refusals) =>
        new(refusals[0].Message, refusals[0].Arguments) { Field = refusals[0].Field, _several = refusals };

    /// <summary>The same refusal, on a field.</summary>
    public DomainException On(string field) => new(Message, Arguments) { Field = field };
}

/// <summary>Runs several rules and refuses them together, so a form shows every broken rule at once, each on its field.</summary>
public sealed class RuleChecks
{
    private readonly List<DomainException> _refusals = [];

    public bool AllPassed => _refusals.Count == 0;

    public void Check(Action rule, string field = "")
    {
        try
        {
            rule();
        }
        catch (DomainException refusal)
        {
            Add(refusal, field);
        }
    }

    public async Task CheckAsync(Func<Task> rule, string field = "")
    {
        try
        {
            await rule();
        }
        catch (DomainException refusal)
        {
            Add(refusal, field);
        }
    }

    /// <summary>Throws every refusal found, as one <see cref="DomainException"/>; nothing when every rule passed.</summary>
    public void ThrowIfAnyRefused()
    {
        if (_refusals.Count > 0)
        {
            throw DomainException.Several(_refusals.ToList());
        }
    }

    private void Add(DomainException refusal, string field)
    {
        foreach (var one in refusal.Refusals)
        {
            _refusals.Add(one.Field == "" && field != "" ? one.On(field) : one);
        }
    }
}
