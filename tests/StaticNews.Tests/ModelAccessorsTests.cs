using System.Collections;
using Scriban.Runtime;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>
/// Templates read the model's types through the model's accessors, which make Scriban's own accessor for a type (reflection
/// over every member and its attributes) only when a template asks what they leave to it.
/// </summary>
public sealed class ModelAccessorsTests
{
    private static readonly Article Sample = new()
    {
        SourcePath = "articles/talks.md",
        Slug = "talks",
        Title = "Talks resume",
        Date = new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.FromHours(5)),
        Url = "/talks/",
    };

    [Fact]
    public void Every_model_type_is_one_Scriban_reads_through_its_typed_accessor()
    {
        // Scriban gives its typed accessor to anything but its script objects, dictionaries, arrays and lists.
        var modelTypes = typeof(Page).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(Page).Namespace && t.IsClass).ToList();

        Assert.All(modelTypes, t => Assert.NotNull(ModelMembers.Of(t)));
        Assert.DoesNotContain(modelTypes, t => t.IsArray || typeof(IEnumerable).IsAssignableFrom(t) || typeof(IScriptObject).IsAssignableFrom(t));
    }

    [Fact]
    public void Reading_and_looking_for_the_models_members_leaves_Scribans_accessor_unmade()
    {
        var context = new Scriban.TemplateContext();
        var accessor = new ModelAccessors().For(typeof(Article), () => throw new InvalidOperationException("Scriban's accessor was made"), context.MemberRenamer, context.MemberFilter);

        Assert.True(accessor.TryGetValue(context, default, Sample, "title", out var title));
        Assert.True(accessor.HasMember(context, default, Sample, "date"));
        Assert.Equal("Talks resume", title);
    }

    [Fact]
    public void What_the_models_accessor_leaves_to_Scriban_is_asked_of_Scribans_accessor_made_once()
    {
        var context = new Scriban.TemplateContext();
        var made = 0;
        var accessor = new ModelAccessors().For(typeof(Article), () => { made++; return context.GetMemberAccessor(Sample); }, context.MemberRenamer, context.MemberFilter);

        Assert.False(accessor.TryGetValue(context, default, Sample, "no_such_member", out _));
        Assert.False(accessor.HasMember(context, default, Sample, "no_such_member"));
        Assert.Contains("title", accessor.GetMembers(context, default, Sample));
        Assert.Equal(1, made);
    }
}
