namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Tests that capture the process's console (Console.SetOut) or start a host that prints to it: run one at a time, so
/// that what one prints never lands in what another reads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleOutput
{
    public const string Name = "Console output";
}
