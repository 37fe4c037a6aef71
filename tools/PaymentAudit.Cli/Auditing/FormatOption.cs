using System.CommandLine;
using PaymentAudit.Auditing.Output;

namespace PaymentAudit.Cli.Auditing;

/// <summary>The <c>--format table|json|csv</c> option.</summary>
public static class FormatOption
{
    /// <summary>Creates the option (default: table).</summary>
    public static Option<OutputFormat> Create() => new("--format")
    {
        Description = "Output: table (for people), json (one document) or csv (RFC 4180). Default table.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
