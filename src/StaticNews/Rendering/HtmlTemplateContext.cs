using System.Net;
using Scriban;
using Scriban.Parsing;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>A Scriban context that HTML-escapes every printed value unless it is <see cref="TrustedHtml"/>.</summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
        LoopLimit = 0;
        LimitToString = 0;
        RecursiveLimit = 64;
        StrictVariables = true;
        EnableRelaxedMemberAccess = true;
        NewLine = "\n";
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
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
