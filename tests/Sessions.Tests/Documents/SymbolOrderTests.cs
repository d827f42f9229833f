using Sessions.Core.Documents;

namespace Sessions.Tests.Documents;

public sealed class SymbolOrderTests
{
    [Fact]
    public void Symbols_sort_with_their_numbers_as_numbers()
    {
        string[] symbols = ["HSP/HA.2/10", "HSP/HA.2/INF/1", "HSP/HA.2/2", "HSP/HA.2/4/Add.10", "HSP/HA.2/4/Add.2", "HSP/HA.2/4", "HSP/HA.2/CRP.1", "HSP/HA.2/1"];

        var sorted = symbols.Order(SymbolOrder.Instance).ToArray();

        Assert.Equal(["HSP/HA.2/1", "HSP/HA.2/2", "HSP/HA.2/4", "HSP/HA.2/4/Add.2", "HSP/HA.2/4/Add.10", "HSP/HA.2/10", "HSP/HA.2/CRP.1", "HSP/HA.2/INF/1"], sorted);
    }

    [Fact]
    public void Case_is_ignored_and_leading_zeros_do_not_change_a_number()
    {
        Assert.True(SymbolOrder.Instance.Compare("a/add.1", "A/Add.2") < 0);
        Assert.True(SymbolOrder.Instance.Compare("A/02", "A/10") < 0);
        Assert.Equal(0, SymbolOrder.Instance.Compare("A/1", "A/1"));
    }
}
