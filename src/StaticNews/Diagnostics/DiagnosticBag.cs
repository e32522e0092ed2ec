namespace StaticNews.Diagnostics;

/// <summary>Collects the diagnostics of one build. Safe to add to from parallel stages.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.IsError);
            }
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void Error(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        Add(descriptor.Create(DiagnosticSeverity.Error, location, args));

    public void Warning(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        Add(descriptor.Create(DiagnosticSeverity.Warning, location, args));

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        Add(descriptor.Create(descriptor.DefaultSeverity, location, args));

    /// <summary>All diagnostics, sorted by file, line, column and code, so output is stable whatever the build's parallelism.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
        {
            if (_items.Count == 0)
            {
                return [];
            }

            return [.. _items
                .Distinct()
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
