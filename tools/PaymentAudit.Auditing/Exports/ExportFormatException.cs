namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// An export that cannot be read as DynamoDB writes them: a missing file, malformed JSON, or
/// content that does not match its manifest. Names the file and, where there is one, the line.
/// </summary>
public sealed class ExportFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> (line <paramref name="line"/>, 0 when the whole file is meant).</summary>
    public ExportFormatException(string file, long line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file, as its location names it.</summary>
    public string File { get; }

    /// <summary>The line (from 1), or 0 when the whole file is meant.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; }
}
