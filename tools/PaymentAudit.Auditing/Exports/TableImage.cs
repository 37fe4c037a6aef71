using System.Text.Json;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// The table as a sequence of exports shows it: a full export's items, then each later export
/// applied in time order. Whatever an append-only table cannot show is reported as it is applied:
/// an item deleted, an item whose content changed, and changes that no export covers.
/// </summary>
internal sealed class TableImage(ExportFindings findings)
{
    private readonly HashSet<ItemKey> _deleted = [];
    private Dictionary<ItemKey, ImageItem> _items = [];
    private DateTimeOffset? _coveredTo;

    /// <summary>False while the image is only what incremental exports changed (no full export under it).</summary>
    private bool _exact;

    /// <summary>True once a full export is applied: the image then holds every item, not only changed ones.</summary>
    public bool HasFullExport { get; private set; }

    /// <summary>The items, by key.</summary>
    public IReadOnlyDictionary<ItemKey, ImageItem> Items => _items;

    /// <summary>Applies a full export: checked against the image before it, then it becomes the image.</summary>
    public void ApplyFull(TableExport export, Dictionary<ItemKey, ImageItem> items)
    {
        var time = export.CoversTo;
        if (_coveredTo is not { } coveredTo)
        {
            _items = items;
            (_coveredTo, _exact, HasFullExport) = (time, true, true);
            return;
        }

        var comparable = _exact && coveredTo >= time;
        if (!comparable)
        {
            findings.Notice($"no incremental export covers {TableExport.Format(coveredTo)} to {TableExport.Format(time)}: {export} is held to the exports before it, and items it adds are taken as written in that time");
        }

        var timeMicros = (time - DateTimeOffset.UnixEpoch).Ticks / 10;
        var next = new Dictionary<ItemKey, ImageItem>(items);
        foreach (var (key, was) in _items)
        {
            if (items.ContainsKey(key))
            {
                continue;
            }

            if (was.WrittenMicros > timeMicros)
            {
                next[key] = was;
            }
            else
            {
                findings.ReportItem(key, ViolationKind.RecordDeleted, $"is in {was.Source} but not in the later {export}");
            }
        }

        foreach (var (key, item) in items)
        {
            if (_items.TryGetValue(key, out var was))
            {
                if (!was.SameContent(item.Json))
                {
                    findings.ReportItem(key, ViolationKind.RecordChanged, $"differs in {export} ({item.Position}) from {was.Source}: {Differences(was.Json, item.Json)}");
                }
            }
            else if (comparable && !_deleted.Contains(key))
            {
                findings.ReportItem(key, ViolationKind.ExportGap, $"is in {export} ({item.Position}) but in no earlier export covering the time it was written (an incremental export lacks it)");
            }
        }

        _items = next;
        (_coveredTo, _exact, HasFullExport) = (time > coveredTo ? time : coveredTo, true, true);
    }

    /// <summary>Applies an incremental export's changes, in write order.</summary>
    public void ApplyIncremental(TableExport export, IReadOnlyDictionary<ItemKey, StagedChange> changes)
    {
        var from = export.FromTime!.Value;
        var to = export.ToTime!.Value;
        if (_coveredTo is not { } coveredTo)
        {
            _exact = false;
        }
        else if (from > coveredTo)
        {
            findings.ReportExport(export.ExportId, ViolationKind.ExportGap, $"{export} starts at {TableExport.Format(from)} but the exports before it end at {TableExport.Format(coveredTo)}: changes in between are in no export");
            _exact = false;
        }
        else if (from < coveredTo)
        {
            findings.Notice($"{export} overlaps the exports before it (they end at {TableExport.Format(coveredTo)}); changes in the overlap are applied again");
        }

        foreach (var (key, change) in changes.OrderBy(c => c.Value.WrittenMicros))
        {
            var written = TableExport.Format(DateTimeOffset.UnixEpoch.AddTicks(change.WrittenMicros * 10));
            if (change.NewItem is null)
            {
                var detail = _items.Remove(key, out var was)
                    ? $"is deleted by {export} ({change.Position}, written {written}); it was in {was.Source}"
                    : $"is deleted by {export} ({change.Position}, written {written})";
                findings.ReportItem(key, ViolationKind.RecordDeleted, detail);
                _deleted.Add(key);
                continue;
            }

            if (_items.TryGetValue(key, out var before))
            {
                if (!before.SameContent(change.NewItem.Json))
                {
                    findings.ReportItem(key, ViolationKind.RecordChanged, $"is changed by {export} ({change.Position}, written {written}) from {before.Source}: {Differences(before.Json, change.NewItem.Json)}");
                }
            }
            else if (change.OldJson is { } old && !change.NewItem.SameContent(old))
            {
                findings.ReportItem(key, ViolationKind.RecordChanged, $"is updated by {export} ({change.Position}, written {written}): its old image differs in {Differences(old, change.NewItem.Json)}");
            }

            _items[key] = change.NewItem;
        }

        _coveredTo = _coveredTo is { } c && c > to ? c : to;
    }

    /// <summary>The attributes that differ between two items' canonical JSON, e.g. <c>attributes body, hash differ</c>.</summary>
    internal static string Differences(byte[] before, byte[] after)
    {
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        var left = a.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var right = b.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var names = left.Keys.Union(right.Keys).Where(n => left.GetValueOrDefault(n) != right.GetValueOrDefault(n)).Order(StringComparer.Ordinal).ToList();
        return names.Count == 1 ? $"attribute {names[0]} differs" : $"attributes {string.Join(", ", names)} differ";
    }
}
