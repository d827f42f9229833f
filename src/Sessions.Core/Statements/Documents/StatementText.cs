namespace Sessions.Core.Statements;

/// <summary>The text of a statement as read from its document or pasted, with its <see cref="WordCount"/>.</summary>
public sealed record StatementText(IReadOnlyList<string> Paragraphs, int Words)
{
    public string Text => string.Join("\n\n", Paragraphs);

    internal static StatementText Of(IReadOnlyList<string> paragraphs) => new(paragraphs, paragraphs.Sum(WordCount.Of));
}
