using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using StaticNews.Model;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// The natively compiled tool keeps only what its code uses, unless told otherwise: a .NET type the model exposes, whose
/// members a template reads by name through reflection, must be listed in the CLI's TrimmerRoots.xml.
/// </summary>
public sealed class TrimmerRootsTests
{
    private static readonly HashSet<Type> ScribanHandlesItself =
    [
        typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal), typeof(object),
    ];

    [Fact]
    public void TrimmerRoots_lists_exactly_the_dotnet_types_the_model_exposes_to_templates()
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var type in typeof(Page).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(Page).Namespace))
        {
            Walk(type, seen, reached);
        }

        Assert.True(reached.SetEquals(ListedTypes("System.Private.CoreLib")), string.Join(" ", reached));
    }

    [Fact]
    public void TrimmerRoots_keeps_the_template_functions_that_Scriban_imports_by_reflection()
    {
        Assert.Contains(typeof(Scriban.Functions.DateTimeFunctions).FullName!, ListedTypes("Scriban.Signed"));
    }

    [Fact]
    public void Members_read_by_reflection_give_what_compiled_getters_give()
    {
        var article = new Article
        {
            Slug = "talks",
            Title = "Talks resume",
            Date = new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.FromHours(5)),
            Category = new Category { Slug = "world", Name = "World", Path = "world", Url = "/world/" },
            SourcePath = "articles/talks.md",
            Url = "/talks/",
        };

        var compiled = Read(new ModelAccessors(compiledGetters: true), article);
        var reflected = Read(new ModelAccessors(compiledGetters: false), article);

        Assert.Equal("Talks resume", compiled["title"]);
        Assert.Equal(article.Date, compiled["date"]);
        Assert.Equal(compiled, reflected);
    }

    private static Dictionary<string, object?> Read(ModelAccessors accessors, Article article)
    {
        var context = new Scriban.TemplateContext();
        var scriban = context.GetMemberAccessor(article);
        var accessor = accessors.For(typeof(Article), () => scriban, context.MemberRenamer, context.MemberFilter);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in accessor.GetMembers(context, default, article))
        {
            Assert.True(accessor.TryGetValue(context, default, article, member, out var value));
            values[member] = value;
        }

        return values;
    }

    /// <summary>Follows public properties and fields through nullables, arrays and generic collections.</summary>
    private static void Walk(Type type, HashSet<Type> seen, SortedSet<string> reached)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
        }

        if (!seen.Add(type) || ScribanHandlesItself.Contains(type) || type.IsGenericParameter)
        {
            return;
        }

        if (type.IsArray || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)) || (type.IsInterface && type.IsGenericType))
        {
            foreach (var argument in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
            {
                Walk(argument, seen, reached);
            }

            return;
        }

        if (type.Assembly != typeof(Page).Assembly)
        {
            reached.Add(type.FullName!);
        }

        if (type.IsEnum)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.PropertyType, seen, reached);
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public))
        {
            Walk(field.FieldType, seen, reached);
        }
    }

    /// <summary>The types TrimmerRoots.xml keeps in <paramref name="assembly"/>.</summary>
    private static SortedSet<string> ListedTypes(string assembly) =>
        new(XDocument.Load(Path.Combine(TestSites.RepositoryRoot, "src", "StaticNews.Cli", "TrimmerRoots.xml")).Root!
            .Elements("assembly").Single(a => (string?)a.Attribute("fullname") == assembly).Elements("type")
            .Select(t => (string)t.Attribute("fullname")!), StringComparer.Ordinal);
}
