namespace StaticNews.Text;

/// <summary>A file's text as <see cref="SourceText.Decode"/> gives it, or why it could not be decoded.</summary>
public sealed record DecodedText(string Text, DecodeError? Error);
