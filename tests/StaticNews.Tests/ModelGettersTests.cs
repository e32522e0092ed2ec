using System.Reflection;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>
/// Templates read the model through typed delegates made without generating code, which exist only for the types and value
/// types listed in <see cref="ModelGetters"/>: a model type or member type added without them would silently fall back to
/// reflection, five times slower on every read.
/// </summary>
public sealed class ModelGettersTests
{
    private static IEnumerable<Type> ModelClasses =>
        typeof(Page).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(Page).Namespace && t.IsClass);

    [Fact]
    public void Every_class_of_the_model_has_typed_getters()
    {
        Assert.Equal(ModelClasses.Select(t => t.Name).Order(StringComparer.Ordinal), ModelGetters.Targets.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_public_property_of_the_model_gets_a_typed_delegate()
    {
        var untyped = ModelClasses
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && ModelGetters.For(p.DeclaringType!, p.GetMethod!) is null)
            .Select(p => p.DeclaringType!.Name + "." + p.Name + " (" + p.PropertyType.Name + ")");

        Assert.Empty(untyped);
    }

    [Fact]
    public void A_member_reader_reads_through_reflection_then_through_its_delegate_and_reads_the_same_every_time()
    {
        var article = new Article
        {
            SourcePath = "articles/talks.md",
            Slug = "talks",
            Title = "Talks resume",
            Date = new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.FromHours(5)),
            Updated = new DateTimeOffset(2026, 11, 19, 9, 30, 0, TimeSpan.FromHours(5)),
            WordCount = 640,
            Url = "/talks/",
        };

        foreach (var property in typeof(Article).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
        {
            var reader = new ModelMemberReader(typeof(Article), property, property.GetMethod!);
            Assert.Equal(property.GetValue(article), reader.Read(article));
            Assert.False(reader.HasSettled);
            for (var read = 1; read < ModelMemberReader.ReadsBeforeDelegate; read++)
            {
                Assert.Equal(property.GetValue(article), reader.Read(article));
            }

            Assert.True(reader.HasSettled);
            Assert.Equal(property.GetValue(article), reader.Read(article));
        }
    }

    [Fact]
    public void A_typed_delegate_reads_what_reflection_reads_for_references_values_and_nullables()
    {
        var correction = new Correction(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), "Name corrected.", CorrectionKind.Correction);
        var month = new ArchiveMonth(2026, 11, "November", 12, "/archive/2026/11/");
        var read = (object target, string name) =>
            ModelGetters.For(target.GetType(), target.GetType().GetProperty(name)!.GetMethod!)!(target);

        Assert.Equal(correction.Date, read(correction, nameof(Correction.Date)));
        Assert.Equal(CorrectionKind.Correction, read(correction, nameof(Correction.Kind)));
        Assert.Equal("Name corrected.", read(correction, nameof(Correction.Note)));
        Assert.Equal(11, read(month, nameof(ArchiveMonth.Month)));
        Assert.Null(ModelGetters.For(typeof(System.Globalization.CultureInfo), typeof(System.Globalization.CultureInfo).GetProperty("Name")!.GetMethod!));
    }
}
