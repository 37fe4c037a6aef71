namespace PaymentAudit.Client.Internal;

/// <summary>
/// One accepted-for-sending event and its caller's completion. Deriving from the completion source
/// saves an allocation per event. Mutable fields belong to the dispatcher loop.
/// </summary>
internal sealed class PendingEntry : TaskCompletionSource<string>
{
    public PendingEntry(string eventId, string body, int bytes, string groupId)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        EventId = eventId;
        Body = body;
        Bytes = bytes;
        GroupId = groupId;
    }

    public string EventId { get; }

    /// <summary>The event's JSON, sent as the message body.</summary>
    public string Body { get; }

    /// <summary>UTF-8 size of <see cref="Body"/>: what SQS counts against its size limits.</summary>
    public int Bytes { get; }

    public string GroupId { get; }

    /// <summary>The group's queue, set when the dispatcher takes the entry in.</summary>
    public GroupQueue? Group { get; set; }

    /// <summary>In line for a place in the buffer (guarded by <see cref="BoundedAdmission"/>'s lock).</summary>
    public bool Waiting { get; set; }

    /// <summary>How many times the entry was sent so far.</summary>
    public int Attempts { get; set; }
}
