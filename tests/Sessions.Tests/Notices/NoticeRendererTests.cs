using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

public sealed class NoticeRendererTests
{
    private static readonly NoticeKind _kind = NoticeKinds.ParticipantRejected;

    [Fact]
    public void Placeholders_are_filled_in_both_parts_and_the_html_is_escaped()
    {
        var template = new NoticeText("Registration for {SessionSymbol}", "Dear {RecipientName},\n\nReason: {Reason}\nSee {SessionLink}");
        var values = new NoticeValues
        {
            { "SessionSymbol", "HSP/HA.2" },
            { "Reason", "<b>late</b> & incomplete" },
            { "SessionLink", new NoticeValue.Link("https://sessions.example/sessions/1") },
        };

        var rendered = NoticeRenderer.Render(template, Languages.English, "ana@example.org", "Ana Lima", values);

        Assert.Equal("Registration for HSP/HA.2", rendered.Subject);
        Assert.Equal("Dear Ana Lima,\n\nReason: <b>late</b> & incomplete\nSee https://sessions.example/sessions/1\n", rendered.Text);
        Assert.Contains("<p>Dear Ana Lima,</p>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Reason: &lt;b&gt;late&lt;/b&gt; &amp; incomplete<br>See <a href=\"https://sessions.example/sessions/1\">", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_written_in_the_recipients_culture_at_the_venues_clock()
    {
        var template = new NoticeText("x", "{Deadline}");
        var values = new NoticeValues { { "Deadline", new NoticeValue.Instant(new DateTime(2026, 5, 20, 15, 0, 0, DateTimeKind.Utc), "Africa/Nairobi") } };

        var french = NoticeRenderer.Render(template, Languages.French, "a@example.org", null, values);
        var english = NoticeRenderer.Render(template, Languages.English, "a@example.org", null, values);

        Assert.Equal("mercredi 20 mai 2026 18:00 (Africa/Nairobi)\n", french.Text);
        Assert.StartsWith("Wednesday, May 20, 2026 6:00", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_address_stands_in_for_a_missing_name_and_arabic_reads_right_to_left()
    {
        var rendered = NoticeRenderer.Render(new NoticeText("s", "{RecipientName}"), Languages.Arabic, "a@example.org", " ", []);

        Assert.Equal("a@example.org\n", rendered.Text);
        Assert.Contains("dir=\"rtl\"", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Body", "A notice needs a subject.")]
    [InlineData("Subject", " ", "A notice needs a text.")]
    [InlineData("Subject\nsecond line", "Body", "The subject must be a single line.")]
    [InlineData("Subject", "Dear {RecipientName}, {Badge}", "Unknown placeholder: {0}. This notice can use: {1}.")]
    public void A_template_that_cannot_be_sent_is_refused(string subject, string body, string error)
    {
        var refused = Assert.Throws<DomainException>(() => NoticeRenderer.Check(_kind, new NoticeText(subject, body)));
        Assert.Equal(error, refused.Message);
    }

    [Fact]
    public void The_built_in_templates_are_complete_and_use_only_their_kinds_placeholders()
    {
        var builtIn = NoticeTemplateStore.LoadBuiltIn(Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources", "NoticeTemplates"));
        var problems = new List<string>();
        foreach (var (key, languages) in builtIn)
        {
            var kind = NoticeKinds.Find(key);
            if (kind is null)
            {
                problems.Add($"{key}: no such kind in NoticeKinds");
                continue;
            }

            problems.AddRange(Languages.All.Where(l => !languages.ContainsKey(l)).Select(l => $"{key}: no {l} text"));
            var english = NoticeRenderer.Placeholders(languages[Languages.English].Subject + languages[Languages.English].Body).ToHashSet();
            foreach (var (language, text) in languages)
            {
                try
                {
                    NoticeRenderer.Check(kind, text);
                }
                catch (DomainException e)
                {
                    problems.Add($"{key} ({language}): {string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Message, e.Arguments)}");
                }

                if (!NoticeRenderer.Placeholders(text.Subject + text.Body).ToHashSet().SetEquals(english))
                {
                    problems.Add($"{key} ({language}): not the same placeholders as in English");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
