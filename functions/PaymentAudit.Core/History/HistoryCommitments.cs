using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.History;

/// <summary>The heads a history index manifest commits, as verification uses them.</summary>
public static class HistoryCommitments
{
    /// <summary>How reports name the manifest as the source of a commitment.</summary>
    public const string Source = "the history index manifest";

    /// <summary>The commitment of <paramref name="chainId"/> in <paramref name="manifest"/>, if it has one.</summary>
    public static IReadOnlyList<ChainCommitment> Of(HistoryManifest? manifest, string chainId) =>
        manifest?.WatermarkOf(chainId) is { } mark ? [new ChainCommitment(mark.Seq, mark.Hash, Source)] : [];
}
