using StaticNews.Diagnostics;

namespace StaticNews.Tests.Infrastructure;

public static class DiagnosticAssert
{
    /// <summary>Asserts that exactly one diagnostic has the code, and that it points at the path, line and column.</summary>
    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, DiagnosticDescriptor descriptor, string path, int line, int column)
    {
        var list = diagnostics.ToList();
        var matching = list.Where(d => d.Code == descriptor.Code).ToList();
        Assert.True(matching.Count == 1, $"Expected one {descriptor.Code}, got:\n{string.Join('\n', list)}");
        var diagnostic = matching[0];
        Assert.Equal(path, diagnostic.Location.Path);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        return diagnostic;
    }

    public static void NoErrors(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, "Unexpected errors:\n" + string.Join('\n', errors));
    }
}
