namespace PaymentAudit.Auditing.Exports;

/// <summary>One line of <c>manifest-files.json</c>: a data file of the export.</summary>
/// <param name="ItemCount">Rows the file holds.</param>
/// <param name="Md5Checksum">Base64 MD5 of the stored (compressed) file.</param>
/// <param name="ETag">The object's ETag when DynamoDB wrote it.</param>
/// <param name="DataFileKey"><c>dataFileS3Key</c> as written by DynamoDB.</param>
/// <param name="Path">Where the file is below the export's location.</param>
public sealed record ExportDataFile(long ItemCount, string Md5Checksum, string? ETag, string DataFileKey, string Path);
