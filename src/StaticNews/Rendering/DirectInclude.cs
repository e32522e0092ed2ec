using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// A partial rendered where it is included, into the page's own output: what Scriban's include does (recursion guard, the
/// include's arguments in <c>$</c>) without rendering to a string of its own first.
/// </summary>
internal sealed record DirectInclude(HtmlTemplateContext Context, Utf8Output Output, Template Template)
{
    public void Render(ScriptNode callerContext, ScriptArray arguments)
    {
        Context.EnterRecursive(callerContext);
        var previousArguments = ArgumentsOfCaller();
        try
        {
            Context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            Template.Render(Context);
        }
        finally
        {
            Context.ExitRecursive(callerContext);
            Context.DeleteValue(ScriptVariable.Arguments);
            if (previousArguments is not null)
            {
                Context.SetValue(ScriptVariable.Arguments, previousArguments, true);
            }
        }
    }

    /// <summary>The caller's own include arguments, if it is a partial: read without strictness, as a page has none.</summary>
    private object? ArgumentsOfCaller()
    {
        var strict = Context.StrictVariables;
        Context.StrictVariables = false;
        try
        {
            return Context.GetValue(ScriptVariable.Arguments);
        }
        finally
        {
            Context.StrictVariables = strict;
        }
    }
}
