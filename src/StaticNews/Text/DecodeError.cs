using StaticNews.Diagnostics;

namespace StaticNews.Text;

public sealed record DecodeError(DiagnosticDescriptor Descriptor, object?[] Args);
