using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Scriban;

namespace StaticNews.Rendering;

/// <summary>
/// Parsed templates by name, some of them parsed only when first looked up, once, whichever thread asks first (see
/// <see cref="ParsedTemplates"/>). Only templates known to parse are added unparsed.
/// </summary>
internal sealed class LazyTemplates(int capacity) : IReadOnlyDictionary<string, Template>
{
    private readonly Dictionary<string, Lazy<Template>> _templates = new(capacity, StringComparer.Ordinal);

    /// <summary>How many of the templates are parsed now.</summary>
    public int ParsedCount => _templates.Values.Count(template => template.IsValueCreated);

    public int Count => _templates.Count;

    public IEnumerable<string> Keys => _templates.Keys;

    public IEnumerable<Template> Values => _templates.Values.Select(template => template.Value);

    public Template this[string key] => _templates[key].Value;

    public void AddParsed(string name, Template template) => _templates.Add(name, new Lazy<Template>(template));

    /// <summary>Adds a template to parse when first looked up: its text parsed without error before.</summary>
    public void AddUnparsed(string name, string text) => _templates.Add(name, new Lazy<Template>(() => ParseKnown(name, text), LazyThreadSafetyMode.ExecutionAndPublication));

    public bool ContainsKey(string key) => _templates.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Template value)
    {
        if (_templates.TryGetValue(key, out var template))
        {
            value = template.Value;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, Template>> GetEnumerator() =>
        _templates.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Template ParseKnown(string name, string text)
    {
        var template = Template.Parse(text, name);
        return template.HasErrors
            ? throw new InvalidOperationException($"The template '{name}' parsed without error in the last build, and not now: {string.Join("; ", template.Messages)}")
            : template;
    }
}
