using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>NoticeWriter.InsertManyAsync: many rows per statement, the remainder one by one, all inside the caller's transaction.</summary>
public sealed class BulkOutboxTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Every_row_is_written_whole_with_the_remainder_of_the_last_statement()
    {
        var token = Guid.NewGuid().ToString("N");
        var addresses = Enumerable.Range(0, 237).Select(i => $"bulk{i:D3}-{token}@example.org").ToList();
        var languages = new[] { "ar", "zh", "en", "fr", "ru", "es" };

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var writer = sp.GetRequiredService<NoticeWriter>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertManyAsync(addresses.Select((a, i) => writer.Render(a, $"Name {i}", languages[i % 6], NoticeKinds.AccountPasswordChanged, [])), CancellationToken.None);
            await transaction.CommitAsync();
        });

        var rows = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.ToAddress.EndsWith($"-{token}@example.org"))
            .OrderBy(e => e.ToAddress)
            .ToListAsync());
        Assert.Equal(addresses, rows.Select(r => r.ToAddress));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(NoticeKinds.AccountPasswordChanged.Key, r.Kind));
        Assert.Equal("Name 236", rows[^1].ToName);
        Assert.Equal("en", rows[^1].Language);
        Assert.Contains("Name 236", rows[^1].TextBody);
    }

    [Fact]
    public async Task Rows_written_in_a_transaction_that_rolls_back_are_gone()
    {
        var address = $"rollback-{Guid.NewGuid():N}@example.org";

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var writer = sp.GetRequiredService<NoticeWriter>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertManyAsync(Enumerable.Repeat(0, 150).Select(_ => writer.Render(address, null, "en", NoticeKinds.AccountPasswordChanged, [])), CancellationToken.None);
            await transaction.RollbackAsync();
        });

        Assert.Equal(0, await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync(e => e.ToAddress == address)));
    }
}
