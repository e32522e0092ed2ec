using System.Diagnostics.CodeAnalysis;
using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;
using Scriban.Syntax;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>A Scriban context that HTML-escapes every printed value unless it is <see cref="TrustedHtml"/>.</summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    private readonly IReadOnlyDictionary<string, Template> _parsedTemplates;
    private readonly ModelAccessors _accessors;

    /// <param name="parsedTemplates">The theme's templates, parsed once per build and shared by every context, so an include never parses again.</param>
    /// <param name="accessors">How the model's objects are read, shared by every context.</param>
    /// <param name="builtins">Scriban's builtin objects, made once per build as templates first read them.</param>
    /// <param name="clock">The time of the build, as <c>date.now</c> gives it.</param>
    public HtmlTemplateContext(IReadOnlyDictionary<string, Template> parsedTemplates, ModelAccessors accessors, ScribanBuiltins builtins, TemplateClock clock)
        : base(builtins.CreateBuiltinObject(clock))
    {
        _parsedTemplates = parsedTemplates;
        _accessors = accessors;
        LoopLimit = 0;
        LimitToString = 0;
        RecursiveLimit = 64;
        StrictVariables = true;
        EnableRelaxedMemberAccess = true;
        NewLine = "\n";
        AutoIndent = false;
        PushOutput(PageOutput);
    }

    /// <summary>
    /// The articles the page being rendered has read so far, their bodies apart: what the page shows of articles other than
    /// through its place in the site's lists, so a change to one of them renders it again and a change to another does not.
    /// </summary>
    public ArticleReadLog Reads { get; } = new();

    /// <summary>
    /// The variables of the page being rendered (site, page, content, and what its templates assign), emptied for each page
    /// and kept, so a page's assignments do not grow a new table page after page.
    /// </summary>
    public ScriptObject PageGlobals { get; } = new(64);

    /// <summary>The output pages render into; a partial or a capture writes to Scriban's own outputs, pushed above it.</summary>
    public Utf8Output PageOutput { get; } = new();

    /// <summary>Where a page's own template renders what the layout then shows as <c>content</c>, kept from page to page.</summary>
    public Utf8Output ContentOutput { get; } = new();

    /// <summary>Whether what is written now is indented line by line (never, unless a theme's code sets an indent).</summary>
    public bool HasIndent => !string.IsNullOrEmpty(CurrentIndent);

    /// <summary>The theme's parsed template at <paramref name="path"/>, as the template loader names it.</summary>
    public bool TryGetTemplate(string path, [NotNullWhen(true)] out Template? template) => _parsedTemplates.TryGetValue(path, out template);

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _parsedTemplates.TryGetValue(templatePath, out var template) ? template : base.CreateTemplate(templatePath, callerContext);

    /// <summary>
    /// The model's dates, which carry their offset, given to a function taking a plain date and time (Scriban's <c>date</c>
    /// functions): the clock time they show, as <c>format_date</c> prints it. Scriban itself refuses the conversion.
    /// </summary>
    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        value is DateTimeOffset moment && (destinationType == typeof(DateTime) || destinationType == typeof(DateTime?))
            ? moment.DateTime
            : base.ToObject(span, value, destinationType);

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (ModelMembers.Of(type) is not null)
        {
            // Scriban's own accessor for a model type (which finds the type's members through reflection, reading every
            // member's attributes) is made only if a template asks what the model's accessor leaves to it.
            return _accessors.For(type, () => base.GetMemberAccessorImpl(target)!, MemberRenamer, MemberFilter);
        }

        var scriban = base.GetMemberAccessorImpl(target);
        return scriban is TypedObjectAccessor && !type.IsValueType ? _accessors.For(type, () => scriban, MemberRenamer, MemberFilter) : scriban;
    }

    /// <summary>
    /// An article printed whole (or a page, which prints its article and neighbours, or an author) shows every member, through
    /// the record's own text rather than the accessors: noted as read, body and authors and all.
    /// </summary>
    public override string? ObjectToString(object? value, bool nested = false)
    {
        switch (value)
        {
            case Article article:
                NotePrinted(article);
                break;
            case Author author:
                Reads.NoteAuthor(author);
                break;
            case Page page:
                foreach (var shown in (ReadOnlySpan<Article?>)[page.Article, page.Previous, page.Next])
                {
                    if (shown is not null)
                    {
                        NotePrinted(shown);
                    }
                }

                if (page.Author is not null)
                {
                    Reads.NoteAuthor(page.Author);
                }

                break;
        }

        return base.ObjectToString(value, nested);
    }

    /// <summary>An article printed whole: everything of it, its authors included, is read.</summary>
    private void NotePrinted(Article article)
    {
        Reads.NoteBody(article);
        foreach (var author in article.Authors)
        {
            Reads.NoteAuthor(author);
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case TrustedHtml trusted when !HasIndent && Output is Utf8Output utf8 && trusted.Utf8OrNull is { } bytes:
                utf8.WriteUtf8(bytes.Span);
                return this;
            case TrustedHtml trusted:
                Write(trusted.Html);
                return this;
            default:
                var text = ObjectToString(textAsObject);
                if (!string.IsNullOrEmpty(text))
                {
                    Write(WebUtility.HtmlEncode(text));
                }

                return this;
        }
    }
}
