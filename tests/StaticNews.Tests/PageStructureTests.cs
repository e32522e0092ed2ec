using System.Collections;
using System.Reflection;
using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// A page's fingerprint holds every member of the page, and of the site's lists it read, besides what the page reads of
/// articles: a member left out would let a change to it keep a stale page. Each member of every page of a small site, and
/// each member of the records they hold, is changed in turn, and each change must change the page's structure, or the hash
/// of the site's list it belongs to and no other. A member added to the model later fails here until the fingerprint takes it.
/// </summary>
public sealed class PageStructureTests
{
    private const string Articles = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-11-29 09:30
        author: jane-doe
        category: world/trade
        tags: [talks, trade]
        breaking: true
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-10-03 10:00
        author: jane-doe
        category: culture
        ---
        Gamma body.
        -- data/popular.yml --
        - a
        """;

    /// <summary>The site's settings come whole from site.yml, which the fingerprint holds as it is (members computed from others have no setter).</summary>
    private static readonly HashSet<string> FromOtherInputs = new(StringComparer.Ordinal) { nameof(Site.Config) };

    [Fact]
    public async Task Every_member_of_a_page_changes_its_structure()
    {
        using var site = TempSite.Create(Articles);
        var (_, model, _) = await SiteModels.OfAsync(site);
        var varied = new HashSet<string>(StringComparer.Ordinal);

        foreach (var page in model.Pages)
        {
            var original = StructureOf(page);
            foreach (var (member, changed) in Variations(page, model))
            {
                Assert.True(StructureOf((Page)changed) != original, $"{page.OutputPath}: changing {member} left the page's structure as it was");
                varied.Add(member);
            }
        }

        Assert.Equal(MembersOf(typeof(Page)).Order(StringComparer.Ordinal), varied.Where(m => !m.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Superset(MembersOf(typeof(Pager)).Select(m => "Pager." + m).ToHashSet(StringComparer.Ordinal), varied);
        Assert.Superset(MembersOf(typeof(Tag)).Select(m => "Tag." + m).ToHashSet(StringComparer.Ordinal), varied);
    }

    [Fact]
    public async Task Every_member_of_the_site_changes_the_hash_of_its_own_list_and_no_other()
    {
        using var site = TempSite.Create(Articles);
        var (_, model, _) = await SiteModels.OfAsync(site);
        var original = SiteStructure.HashesOf(model.Site, model.AuthorFingerprints);
        var varied = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (member, changed) in Variations(model.Site, model))
        {
            var list = SiteListNames.Of(ListMemberOf(member));
            Assert.True(list != SiteLists.All && System.Numerics.BitOperations.PopCount((uint)list) == 1, $"{member} is no single list of the site: give it a flag of its own");
            var hashes = SiteStructure.HashesOf((Site)changed, model.AuthorFingerprints);
            for (var bit = 0; bit < SiteStructure.Count; bit++)
            {
                Assert.True((hashes[bit] != original[bit]) == (bit == SiteStructure.Bit(list)), $"changing {member} changed the hash of list {(SiteLists)(1 << bit)} (its own: {list})");
            }

            varied.Add(member);
        }

        Assert.Equal(MembersOf(typeof(Site)).Order(StringComparer.Ordinal), varied.Where(m => !m.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var record in new[] { typeof(TagCount), typeof(ArchiveMonth), typeof(ArchiveYear), typeof(Section) })
        {
            Assert.Superset(MembersOf(record).Select(m => $"{record.Name}.{m}").ToHashSet(StringComparer.Ordinal), varied);
        }
    }

    private static ContentHash StructureOf(Page page)
    {
        var fingerprint = new Fingerprint();
        PageStructure.AddTo(fingerprint, page);
        return fingerprint.FinishHash();
    }

    /// <summary>The site's member a variation changed: "Tags" for "TagCount.Count", the list holding the record.</summary>
    private static string ListMemberOf(string member) => member.Split('.')[0] switch
    {
        nameof(TagCount) => nameof(Site.Tags),
        nameof(ArchiveMonth) => nameof(Site.ArchiveMonths),
        nameof(ArchiveYear) => nameof(Site.ArchiveYears),
        nameof(Section) => nameof(Site.Sections),
        var top => top,
    };

    /// <summary>The members a template can reach or the model sets: public and settable (a pager's page URLs are internal), less those from other inputs.</summary>
    private static IEnumerable<string> MembersOf(Type type) => PropertiesOf(type).Select(p => p.Name);

    private static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.SetMethod is not null && (p.GetMethod!.IsPublic || p.DeclaringType == typeof(Pager)) && !FromOtherInputs.Contains(p.Name));

    /// <summary>Copies of <paramref name="record"/> with one member changed each, named as "Member" or, inside a member's record, "Record.Member".</summary>
    private static IEnumerable<(string Member, object Changed)> Variations(object record, SiteModel model)
    {
        foreach (var property in PropertiesOf(record.GetType()))
        {
            foreach (var (member, value) in ValuesBesides(property, property.GetValue(record), model))
            {
                var copy = Clone(record);
                property.SetValue(copy, value);
                yield return (member, copy);
            }
        }
    }

    private static IEnumerable<(string Member, object? Value)> ValuesBesides(PropertyInfo property, object? value, SiteModel model)
    {
        var name = property.Name;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string))
        {
            yield return (name, value + "~");
        }
        else if (type == typeof(int))
        {
            yield return (name, ((int?)value ?? 0) + 1);
        }
        else if (type == typeof(PageKind))
        {
            yield return (name, (PageKind)value! == PageKind.Home ? PageKind.Latest : PageKind.Home);
        }
        else if (type == typeof(Article))
        {
            yield return (name, model.Site.Articles.First(a => !ReferenceEquals(a, value)));
        }
        else if (type == typeof(Author))
        {
            yield return (name, value is Author author ? author with { Id = author.Id + "~" } : model.Site.Authors[0]);
        }
        else if (type == typeof(Category))
        {
            yield return (name, value is Category category ? category with { Path = category.Path + "~" } : model.Site.Categories[0]);
        }
        else if (type == typeof(Tag) || type == typeof(Pager))
        {
            var record = value ?? model.Pages.Select(p => type == typeof(Tag) ? (object?)p.Tag : p.Pager).First(r => r is not null)!;
            yield return (name, value is null ? record : null);
            foreach (var (member, changed) in Variations(record, model))
            {
                yield return ($"{type.Name}.{member}", changed);
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var items = ((IEnumerable)value!).Cast<object>().ToList();
            var itemType = type.GetGenericArguments()[0];
            if (items.Count == 0)
            {
                // An item from another page's list of the same member.
                var sample = itemType == typeof(Article) ? model.Site.Articles[0]
                    : property.DeclaringType == typeof(Page) ? model.Pages.SelectMany(p => ((IEnumerable)property.GetValue(p)!).Cast<object>()).FirstOrDefault()
                    : null;
                Assert.True(sample is not null, $"{name} is empty in the test's model: give the site one");
                yield return (name, ListOf(itemType, [sample]));
                yield break;
            }

            yield return (name, ListOf(itemType, items.Skip(1)));
            if (items.Count > 1 && itemType == typeof(Article))
            {
                yield return (name, ListOf(itemType, items.AsEnumerable().Reverse()));
            }

            if (itemType != typeof(Article) && itemType != typeof(Author) && itemType != typeof(Category) && itemType != typeof(string))
            {
                foreach (var (member, changed) in Variations(items[0], model))
                {
                    yield return ($"{itemType.Name}.{member}", ListOf(itemType, items.Skip(1).Prepend(changed)));
                }
            }
            else if (itemType == typeof(string))
            {
                // The last: a pager's page URLs reach templates through its links, which always include the last page's.
                yield return (name, ListOf(itemType, items.SkipLast(1).Append(items[^1] + "~")));
            }
        }
        else
        {
            Assert.Fail($"No other value is known for {property.DeclaringType!.Name}.{name} ({type.Name}): teach this test one, and the fingerprint the member.");
        }
    }

    private static object ListOf(Type itemType, IEnumerable<object> items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static object Clone(object record) =>
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(record, null)!;
}
