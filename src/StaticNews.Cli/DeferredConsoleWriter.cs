namespace StaticNews.Cli;

/// <summary>
/// The console's output or error writer, set up on first use instead of at start-up. Setting one up finds the console's
/// encoding, which reads culture data and so loads ICU: a few milliseconds that every start paid on its main thread before
/// parsing its arguments, although a quiet build that succeeds prints nothing. Until something is written, ICU loads on a
/// pool thread meanwhile (see Program).
/// </summary>
internal sealed class DeferredConsoleWriter(Func<TextWriter> create) : TextWriter
{
    private readonly Lazy<TextWriter> _writer = new(create);

    public static DeferredConsoleWriter Output { get; } = new(() => Console.Out);

    public static DeferredConsoleWriter Error { get; } = new(() => Console.Error);

    public override System.Text.Encoding Encoding => Writer.Encoding;

    public override IFormatProvider FormatProvider => Writer.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Writer.NewLine;
        set => Writer.NewLine = value;
    }

    private TextWriter Writer => _writer.Value;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Writer.Write(buffer);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine() => Writer.WriteLine();

    public override void WriteLine(ReadOnlySpan<char> buffer) => Writer.WriteLine(buffer);

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override Task WriteAsync(char value) => Writer.WriteAsync(value);

    public override Task WriteAsync(string? value) => Writer.WriteAsync(value);

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Writer.WriteAsync(buffer, cancellationToken);

    public override Task WriteLineAsync() => Writer.WriteLineAsync();

    public override Task WriteLineAsync(string? value) => Writer.WriteLineAsync(value);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Writer.WriteLineAsync(buffer, cancellationToken);

    public override void Flush()
    {
        if (_writer.IsValueCreated)
        {
            Writer.Flush();
        }
    }

    public override Task FlushAsync() => _writer.IsValueCreated ? Writer.FlushAsync() : Task.CompletedTask;
}
