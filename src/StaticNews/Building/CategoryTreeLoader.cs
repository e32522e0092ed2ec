using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Parsing;
using StaticNews.Text;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Building;

/// <summary>Reads categories.yml: a list of nodes with name, slug, description and children.</summary>
internal static class CategoryTreeLoader
{
    public const int MaxDepth = 6;

    public static IReadOnlyList<Category> Load(SourceFile? file, UrlBuilder urls, DiagnosticBag diagnostics)
    {
        if (file is null)
        {
            return [];
        }

        var document = YamlLoader.LoadFile(file, diagnostics);
        switch (document.Root)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                return ReadLevel(document, sequence, null, 0, urls, seen, diagnostics);
            case YamlMappingNode { Children.Count: 0 }:
                return [];
            default:
                diagnostics.Report(DiagnosticCodes.FieldWrongType, new SourceLocation(file.Path, document.LineOf(document.Root), YamlSource.ColumnOf(document.Root)), "categories", "a list of categories, each with 'name', 'slug' and optional 'children'");
                return [];
        }
    }

    private static List<Category> ReadLevel(YamlSource document, YamlSequenceNode sequence, string? parentPath, int depth, UrlBuilder urls, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        var categories = new List<Category>(sequence.Children.Count);
        foreach (var node in sequence.Children)
        {
            var fields = FieldReader.Create(document, node, diagnostics);
            if (fields is null)
            {
                continue;
            }

            var name = fields.String("name", required: true);
            var slug = fields.String("slug") ?? (name is null ? null : Slug.From(name));
            if (name is null || slug is null)
            {
                continue;
            }

            if (!Slug.IsValid(slug))
            {
                diagnostics.Report(DiagnosticCodes.SlugInvalid, fields.LocationOfKey("slug"), slug);
                continue;
            }

            var path = parentPath is null ? slug : parentPath + "/" + slug;
            if (!seen.Add(path))
            {
                diagnostics.Report(DiagnosticCodes.CategoryDuplicate, fields.LocationOfKey("slug"), path);
                continue;
            }

            IReadOnlyList<Category> children = [];
            if (fields.Node("children") is { } childrenNode)
            {
                if (childrenNode is YamlSequenceNode childSequence && depth + 1 < MaxDepth)
                {
                    children = ReadLevel(document, childSequence, path, depth + 1, urls, seen, diagnostics);
                }
                else if (childrenNode is not YamlScalarNode { Value: null or "" })
                {
                    diagnostics.Report(DiagnosticCodes.FieldWrongType, fields.LocationOf(childrenNode), "children", $"a list of categories (at most {MaxDepth} levels deep)");
                }
            }

            categories.Add(new Category
            {
                Path = path,
                Slug = slug,
                Name = name,
                Description = fields.String("description") ?? string.Empty,
                ParentPath = parentPath,
                Children = children,
                Url = urls.Category(path),
                Depth = depth,
            });
        }

        return categories;
    }
}
