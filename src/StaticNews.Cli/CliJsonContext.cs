using System.Text.Json.Serialization;

namespace StaticNews.Cli;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(IEnumerable<DiagnosticJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
