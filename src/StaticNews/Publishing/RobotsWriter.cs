using System.Text;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>robots.txt: the disallow rules of site.yml (site paths, placed under the base path) and the sitemaps.</summary>
internal static class RobotsWriter
{
    public const string FileName = "robots.txt";

    public static byte[] Write(SiteConfig config, UrlBuilder urls)
    {
        var text = new StringBuilder();
        text.Append("User-agent: *\n");
        if (config.RobotsDisallow.Count == 0)
        {
            text.Append("Disallow:\n");
        }

        foreach (var path in config.RobotsDisallow)
        {
            text.Append("Disallow: ").Append(urls.Resolve(path)).Append('\n');
        }

        text.Append('\n');
        text.Append("Sitemap: ").Append(urls.Absolute(urls.Path(SitemapWriter.FileName))).Append('\n');
        text.Append("Sitemap: ").Append(urls.Absolute(urls.Path(NewsSitemapWriter.FileName))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
