using StaticNews.Rendering;

namespace StaticNews.Incremental;

/// <summary>The templates' facts (<see cref="AnalysedTemplate"/>) as the build cache stores them, by template name.</summary>
internal static class CachedTemplateFacts
{
    /// <summary>Writes <paramref name="templates"/> into a cache entry, as <see cref="ReadAll"/> reads them.</summary>
    public static void WriteAll(BinaryWriter writer, IReadOnlyDictionary<string, AnalysedTemplate> templates)
    {
        writer.Write7BitEncodedInt(templates.Count);
        foreach (var (name, template) in templates)
        {
            writer.Write(name);
            writer.Write(template.TextHash.High);
            writer.Write(template.TextHash.Low);
            Write(writer, template.Facts);
        }
    }

    public static Dictionary<string, AnalysedTemplate> ReadAll(ref CacheReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var templates = new Dictionary<string, AnalysedTemplate>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var hash = reader.ReadContentHash();
            templates[name] = new AnalysedTemplate(hash, Read(ref reader));
        }

        return templates;
    }

    private static void Write(BinaryWriter writer, PartialFacts facts)
    {
        WriteNames(writer, facts.Reads);
        WriteNames(writer, facts.Assigns);
        WriteNames(writer, facts.LoopVariables);
        WriteNames(writer, facts.Includes);
        writer.Write7BitEncodedInt(facts.LoopRanges.Count);
        foreach (var (variable, start, end) in facts.LoopRanges)
        {
            writer.Write(variable);
            writer.Write7BitEncodedInt(start);
            writer.Write7BitEncodedInt(end);
        }

        writer.Write7BitEncodedInt(facts.TopLevelAssignmentEnds.Count);
        foreach (var (variable, end) in facts.TopLevelAssignmentEnds)
        {
            writer.Write(variable);
            writer.Write7BitEncodedInt(end);
        }

        writer.Write7BitEncodedInt(facts.ReadPaths.Count);
        foreach (var path in facts.ReadPaths)
        {
            writer.Write(path.Root);
            writer.Write7BitEncodedInt(path.Offset);
            writer.Write7BitEncodedInt(path.Members.Length);
            foreach (var member in path.Members)
            {
                writer.Write(member);
            }
        }

        writer.Write(facts.AllIncludesLiteral);
        writer.Write(facts.ReadsClock);
        writer.Write(facts.HasOtherSideEffects);
    }

    private static PartialFacts Read(ref CacheReader reader)
    {
        var facts = new PartialFacts();
        ReadNames(ref reader, facts.Reads);
        ReadNames(ref reader, facts.Assigns);
        ReadNames(ref reader, facts.LoopVariables);
        ReadNames(ref reader, facts.Includes);
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            facts.LoopRanges.Add((reader.ReadString(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt()));
        }

        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            facts.TopLevelAssignmentEnds[reader.ReadString()] = reader.Read7BitEncodedInt();
        }

        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            var root = reader.ReadString();
            var offset = reader.Read7BitEncodedInt();
            var members = new string[reader.Read7BitEncodedInt()];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = reader.ReadString();
            }

            facts.ReadPaths.Add(new ReadPath(root, members, offset));
        }

        facts.AllIncludesLiteral = reader.ReadBoolean();
        facts.ReadsClock = reader.ReadBoolean();
        facts.HasOtherSideEffects = reader.ReadBoolean();
        return facts;
    }

    private static void WriteNames(BinaryWriter writer, HashSet<string> names)
    {
        writer.Write7BitEncodedInt(names.Count);
        foreach (var name in names)
        {
            writer.Write(name);
        }
    }

    private static void ReadNames(ref CacheReader reader, HashSet<string> names)
    {
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            names.Add(reader.ReadString());
        }
    }
}
