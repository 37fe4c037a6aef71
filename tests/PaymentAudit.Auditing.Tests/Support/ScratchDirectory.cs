namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>A directory of its own under the temp folder, removed with everything in it at the end.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates an empty directory.</summary>
    public ScratchDirectory() => Directory.CreateDirectory(Path);

    /// <summary>The directory.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paymentaudit-exports-" + Guid.NewGuid().ToString("N"));

    /// <summary>A directory holding a copy of the hand-written export fixture (<c>exports/full/...</c>, <c>exports/incremental/...</c>).</summary>
    public static ScratchDirectory WithFixture()
    {
        var scratch = new ScratchDirectory();
        foreach (var file in Directory.EnumerateFiles(ExportFixture.Root, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(scratch.Path, System.IO.Path.GetRelativePath(ExportFixture.Root, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return scratch;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
