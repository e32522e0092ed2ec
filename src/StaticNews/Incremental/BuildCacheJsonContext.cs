using System.Text.Json.Serialization;

namespace StaticNews.Incremental;

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(BuildCache))]
internal sealed partial class BuildCacheJsonContext : JsonSerializerContext;
