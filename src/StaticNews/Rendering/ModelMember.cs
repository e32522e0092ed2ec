namespace StaticNews.Rendering;

/// <summary>One member of a model type as templates read it: its name there, its .NET name, and how to read it without reflection.</summary>
internal sealed record ModelMember(string Name, string ClrName, Func<object, object?> Read);
