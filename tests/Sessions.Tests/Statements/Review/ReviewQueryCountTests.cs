using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Statements.Review;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Statements.Review;

/// <summary>The queue, the statement page and the Excel list run the same number of queries for 2 rows as for 40: no query per row.</summary>
public sealed class ReviewQueryCountTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_queue_the_statement_and_the_excel_list_do_not_query_once_per_row()
    {
        var small = await SessionWithAsync(statements: 2, coSponsors: 1);
        var large = await SessionWithAsync(statements: 40, coSponsors: 12);

        var queue = await CountQueueAsync(small.SessionId);
        var statement = await CountStatementAsync(small.JointId);
        var excel = await CountExcelAsync(small.SessionId);

        Assert.InRange(queue, 3, 6);
        Assert.InRange(statement, 3, 6);
        Assert.InRange(excel, 2, 5);
        Assert.Equal(queue, await CountQueueAsync(large.SessionId));
        Assert.Equal(statement, await CountStatementAsync(large.JointId));
        Assert.Equal(excel, await CountExcelAsync(large.SessionId));
    }

    private async Task<(int SessionId, int JointId)> SessionWithAsync(int statements, int coSponsors)
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var sponsors = new List<StatementReviewBuilders.ReviewSubmitter>();
        for (var i = 0; i < coSponsors; i++)
        {
            sponsors.Add(await factory.AddReviewSubmitterAsync(session.SessionId, i % 2 == 0 ? Capacity.Member : Capacity.Stakeholder, i % 2 == 0 ? StatementTier.State : StatementTier.EcosocGeneral));
        }

        var joint = await factory.AddStatementAsync(session, submitter, coSponsors: sponsors, supporters: ["One", "Two"]);
        foreach (var sponsor in sponsors)
        {
            await factory.AnswerAsync(joint, sponsor, confirm: true);
        }

        for (var i = 1; i < statements; i++)
        {
            await factory.AddStatementAsync(session, submitter, title: $"Statement {i}", agendaItem: 1 + (i % 3));
        }

        return (session.SessionId, joint);
    }

    private Task<int> CountQueueAsync(int sessionId) =>
        CountAsync((db, _) => new StatementQueue.Handler(db).HandleAsync(sessionId, new StatementQueue.Query { Status = StatementQueue.AllStatuses }, "en"));

    private Task<int> CountStatementAsync(int id) =>
        CountAsync((db, _) => new ReviewStatement.Handler(db).HandleAsync(id, "en"));

    private Task<int> CountExcelAsync(int sessionId) =>
        CountAsync((db, sp) => new ExportStatements.Handler(db, sp.GetRequiredService<IStringLocalizer<Text>>())
            .HandleAsync(sessionId, new StatementQueue.Query { Status = StatementQueue.AllStatuses }, "en", CancellationToken.None));

    private Task<int> CountAsync<T>(Func<SessionsDbContext, IServiceProvider, Task<T>> run) =>
        factory.InScopeAsync(async sp =>
        {
            var counter = new CommandCounter();
            var options = new DbContextOptionsBuilder<SessionsDbContext>(sp.GetRequiredService<DbContextOptions<SessionsDbContext>>()).AddInterceptors(counter).Options;
            await using var db = new SessionsDbContext(options);
            Assert.NotNull(await run(db, sp));
            return counter.Count;
        });

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
