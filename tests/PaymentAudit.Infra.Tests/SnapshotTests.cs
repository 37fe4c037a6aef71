using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>
/// The committed templates in infra/snapshots must equal what the code synthesizes, so every
/// infrastructure change shows up as a reviewable diff. Regenerate with
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/PaymentAudit.Infra.Tests</c>.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class SnapshotTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void SynthesizedTemplate_MatchesCommittedSnapshot(string environment)
    {
        var actual = TemplateSnapshot.Normalize(app.Json[environment]);
        var path = Path.Combine(app.Layout.SnapshotsDirectory, $"{app.Stacks[environment].StackName}.template.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(app.Layout.SnapshotsDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"No snapshot at {path}. Create it with: UPDATE_SNAPSHOTS=1 dotnet test tests/PaymentAudit.Infra.Tests");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            throw new Xunit.Sdk.XunitException(
                $"{path} differs from the synthesized template ({FirstDifference(expected, actual)}). " +
                "If the change is intended, regenerate with: UPDATE_SNAPSHOTS=1 dotnet test tests/PaymentAudit.Infra.Tests " +
                "and commit the snapshot with the change.");
        }
    }

    [Fact]
    public void Normalize_ReplacesAssetHashesAndDropsAssetMetadata()
    {
        var template = System.Text.Json.Nodes.JsonNode.Parse("""
            {"Resources":{"Fn":{"Type":"AWS::Lambda::Function",
              "Properties":{"Code":{"S3Key":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.zip"}},
              "Metadata":{"aws:cdk:path":"S/Fn","aws:asset:path":"/home/someone/functions"}}}}
            """)!.AsObject();

        var text = TemplateSnapshot.Normalize(template);

        text.ShouldContain("\"ASSET-HASH.zip\"");
        text.ShouldNotContain("aws:asset:path");
        text.ShouldContain("aws:cdk:path");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var before = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var after = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (before != after)
            {
                return $"first difference at line {i + 1}: snapshot '{before.Trim()}', synthesized '{after.Trim()}'";
            }
        }

        return "no line differs";
    }
}
