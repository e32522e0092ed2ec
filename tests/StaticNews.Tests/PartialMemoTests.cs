using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>
/// The key of a partial's call is read without the exceptions a template's strict read throws, and still tells a variable the
/// caller has not set from one it set to null, so a reused output never stands in for a call that must report a mistake.
/// </summary>
public sealed class PartialMemoTests
{
    private static readonly PartialMemo Memo = new(
        new Dictionary<string, ScriptExpression[]>
        {
            ["label.html"] = [new ScriptVariableGlobal("label")],
            ["pager.html"] = [Chain("page", "pager", "page_number")],
        },
        maxBytes: 1024,
        expectedCalls: 16);

    private static ScriptMemberExpression Chain(string root, params string[] members)
    {
        ScriptExpression target = new ScriptVariableGlobal(root);
        foreach (var member in members)
        {
            target = new ScriptMemberExpression { Target = target, Member = new ScriptVariableGlobal(member) };
        }

        return (ScriptMemberExpression)target;
    }

    private static TemplateContext Context(params (string Name, object? Value)[] globals)
    {
        var context = new TemplateContext { StrictVariables = true };
        var values = new ScriptObject();
        foreach (var (name, value) in globals)
        {
            values[name] = value;
        }

        context.PushGlobal(values);
        return context;
    }

    [Fact]
    public void A_variable_not_set_keys_apart_from_one_set_to_null_and_alike_with_another_call_not_setting_it()
    {
        var unset = Memo.KeyOf(Context(), "label.html");
        var unsetAgain = Memo.KeyOf(Context(), "label.html");
        var setToNull = Memo.KeyOf(Context(("label", null)), "label.html");
        var set = Memo.KeyOf(Context(("label", "x")), "label.html");

        Assert.NotNull(unset);
        Assert.Equal(unset, unsetAgain);
        Assert.NotEqual(unset, setToNull);
        Assert.NotEqual(unset, set);
        Assert.NotEqual(setToNull, set);
    }

    [Fact]
    public void Outputs_are_kept_at_the_second_sighting_until_one_of_the_partial_is_reused_then_at_the_first()
    {
        var memo = new PartialMemo(new Dictionary<string, ScriptExpression[]> { ["label.html"] = [new ScriptVariableGlobal("label")] }, maxBytes: 1024, expectedCalls: 16);
        PartialKey KeyOf(string label) => memo.KeyOf(Context(("label", label)), "label.html")!;
        PartialOutput Output(string label) => new(new TrustedHtml(label), PartialReads.None);

        memo.Add(KeyOf("a"), Output("a"));
        Assert.False(memo.TryGet(KeyOf("a"), out _));
        memo.Add(KeyOf("a"), Output("a"));
        Assert.True(memo.TryGet(KeyOf("a"), out var reused));
        Assert.Equal("a", reused.Html.Html);

        memo.Add(KeyOf("b"), Output("b"));
        Assert.True(memo.TryGet(KeyOf("b"), out var firstSighting));
        Assert.Equal("b", firstSighting.Html.Html);
    }

    [Fact]
    public void A_chain_through_null_keys_as_null_and_a_chain_through_values_as_its_value()
    {
        var noPager = Memo.KeyOf(Context(("page", new ScriptObject { ["pager"] = null })), "pager.html");
        var noPagerAgain = Memo.KeyOf(Context(("page", new Dictionary<string, object?> { ["pager"] = null })), "pager.html");
        var pageTwo = Memo.KeyOf(Context(("page", new Dictionary<string, object?> { ["pager"] = new Dictionary<string, object> { ["page_number"] = 2 } })), "pager.html");
        var pageTwoAgain = Memo.KeyOf(Context(("page", new Dictionary<string, object?> { ["pager"] = new Dictionary<string, object> { ["page_number"] = 2 } })), "pager.html");

        Assert.NotNull(noPager);
        Assert.Equal(noPager, noPagerAgain);
        Assert.NotNull(pageTwo);
        Assert.Equal(pageTwo, pageTwoAgain);
        Assert.NotEqual(noPager, pageTwo);
    }

    [Fact]
    public void Values_key_by_value_model_objects_by_identity_and_objects_a_template_builds_not_at_all()
    {
        // Equal strings and boxed values of any value type are the same input; equal but distinct objects are not.
        Assert.Equal(Memo.KeyOf(Context(("label", 1.5f)), "label.html"), Memo.KeyOf(Context(("label", 1.5f)), "label.html"));
        Assert.Equal(Memo.KeyOf(Context(("label", TimeSpan.FromHours(2))), "label.html"), Memo.KeyOf(Context(("label", TimeSpan.FromHours(2))), "label.html"));
        Assert.NotEqual(Memo.KeyOf(Context(("label", 1.5f)), "label.html"), Memo.KeyOf(Context(("label", 2.5f)), "label.html"));
        Assert.Equal(Memo.KeyOf(Context(("label", "a" + 'b')), "label.html"), Memo.KeyOf(Context(("label", "ab")), "label.html"));

        var tag = new Tag("talks", "Talks", "/tag/talks/");
        Assert.Equal(Memo.KeyOf(Context(("label", tag)), "label.html"), Memo.KeyOf(Context(("label", tag)), "label.html"));
        Assert.NotEqual(Memo.KeyOf(Context(("label", tag)), "label.html"), Memo.KeyOf(Context(("label", tag with { })), "label.html"));

        Assert.Null(Memo.KeyOf(Context(("label", new ScriptArray { 1 })), "label.html"));
    }

    [Fact]
    public void A_model_object_stands_for_the_members_read_from_it_except_a_page_whose_members_are_read_one_by_one()
    {
        var memo = new PartialMemo(
            new Dictionary<string, ScriptExpression[]>
            {
                ["card.html"] = [Chain("card", "summary"), Chain("card", "title"), new ScriptVariableGlobal("card_heading")],
                ["header.html"] = [Chain("page", "kind"), Chain("page", "title")],
            },
            maxBytes: 1024,
            expectedCalls: 16);
        var article = new Article { SourcePath = "articles/a.md", Slug = "a", Title = "Talks", Date = DateTimeOffset.UnixEpoch, Url = "/a/" };
        PartialKey? Card(object card, string heading = "h3") => memo.KeyOf(Context(("card", card), ("card_heading", heading)), "card.html");
        PartialKey? Header(Page page) => memo.KeyOf(Context(("page", page)), "header.html");
        Page PageAt(string url) => new() { Kind = PageKind.Article, Url = url, OutputPath = url.Trim('/') + "/index.html", Title = "Talks" };

        Assert.Equal(Card(article), Card(article));
        Assert.NotEqual(Card(article), Card(article, "h2"));
        Assert.NotEqual(Card(article), Card(article with { }));
        Assert.NotEqual(Card(article), Card(new ScriptObject { ["summary"] = article, ["title"] = null }));
        Assert.Equal(Card(new ScriptObject { ["summary"] = "s", ["title"] = "t" }), Card(new ScriptObject { ["summary"] = "s", ["title"] = "t" }));
        Assert.Equal(Header(PageAt("/a/")), Header(PageAt("/b/")));
        Assert.NotEqual(Header(PageAt("/a/")), Header(PageAt("/b/") with { Title = "Other" }));
    }

    [Fact]
    public void A_partial_whose_inputs_never_repeat_is_given_up_on_and_one_already_reused_never_is()
    {
        var memo = new PartialMemo(
            new Dictionary<string, ScriptExpression[]> { ["label.html"] = [new ScriptVariableGlobal("label")], ["card.html"] = [new ScriptVariableGlobal("label")] },
            maxBytes: 1 << 20,
            expectedCalls: 16);
        PartialOutput Output(string label) => new(new TrustedHtml(label), PartialReads.None);
        var card = memo.KeyOf(Context(("label", "repeated")), "card.html")!;
        memo.Add(card, Output("repeated"));
        memo.Add(card, Output("repeated"));
        Assert.True(memo.TryGet(card, out _));

        for (var i = 0; i < PartialMemo.FirstSightingsBeforeGivingUp; i++)
        {
            var label = "label " + i;
            Assert.NotNull(memo.KeyOf(Context(("label", label)), "label.html"));
            memo.Add(memo.KeyOf(Context(("label", label)), "label.html")!, Output(label));
            memo.Add(memo.KeyOf(Context(("label", label)), "card.html")!, Output(label));
        }

        Assert.Null(memo.KeyOf(Context(("label", "label 0")), "label.html"));
        var cardAgain = memo.KeyOf(Context(("label", "label 0")), "card.html");
        Assert.NotNull(cardAgain);
        Assert.True(memo.TryGet(cardAgain, out var kept));
        Assert.Equal("label 0", kept.Html.Html);
    }
}
