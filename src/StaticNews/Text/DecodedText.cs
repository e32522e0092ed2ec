using StaticNews.Diagnostics;

namespace StaticNews.Text;



public sealed record DecodedText(string Text, DecodeError? Error)
{
    public static DecodedText Failed(DiagnosticDescriptor descriptor, params object?[] args) => new(string.Empty, new DecodeError(descriptor, args));
}
