using System.Text;

namespace StaticNews.Analytics;

/// <summary>
/// RFC 4180 CSV: comma-separated fields, optionally in double quotes (which may hold commas, line breaks and "" for a quote),
/// records ending in CRLF, LF or CR. Blank lines are skipped. A stray quote or an unclosed quoted field marks the record with an error.
/// </summary>
public static class CsvParser
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        string? error = null;
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                fieldStarted = true;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                if (!closed)
                {
                    error ??= "a quoted field is never closed";
                }
                else if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    error ??= "text follows a closing quote";
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                EndRecord();
                line++;
                recordLine = line;
                continue;
            }

            if (c == '"')
            {
                error ??= "a quote inside an unquoted field";
            }

            field.Append(c);
            fieldStarted = true;
            i++;
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fields.Count > 0 || field.Length > 0 || fieldStarted || error is not null)
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(recordLine, [.. fields], error));
            }

            fields.Clear();
            field.Clear();
            fieldStarted = false;
            error = null;
        }
    }
}
