namespace StaticNews.Incremental;

/// <summary>Where a body taken from a <see cref="BodyCache"/> is stored in that cache's file, so saving can copy its bytes as they are.</summary>
internal sealed record StoredBody(BodyCache Cache, int Offset, int Length);
