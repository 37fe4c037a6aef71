namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>The hand-written export fixture (see Fixtures/Exports/README.md) and what it holds.</summary>
public static class ExportFixture
{
    /// <summary>The full export's id.</summary>
    public const string FullExportId = "01795395605678-5c1e9a7f";

    /// <summary>The incremental export's id.</summary>
    public const string IncrementalExportId = "01795482007210-b3d04e86";

    /// <summary>The full export's first data file: CHAINS/fixture-a, then fixture-a seq 1-3.</summary>
    public const string FirstDataFile = "exports/full/2026-11-23/AWSDynamoDB/01795395605678-5c1e9a7f/data/r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz";

    /// <summary>The full export's data file of an empty partition.</summary>
    public const string EmptyDataFile = "exports/full/2026-11-23/AWSDynamoDB/01795395605678-5c1e9a7f/data/dn4hxw6ylqrt2aovbcepz7mkfs.json.gz";

    /// <summary>The full export's files manifest.</summary>
    public const string FullFilesManifest = "exports/full/2026-11-23/AWSDynamoDB/01795395605678-5c1e9a7f/manifest-files.json";

    /// <summary>The full export's summary manifest.</summary>
    public const string FullSummary = "exports/full/2026-11-23/AWSDynamoDB/01795395605678-5c1e9a7f/manifest-summary.json";

    /// <summary>The folder holding <c>exports/</c> in the test output.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Exports", "archive");
}
