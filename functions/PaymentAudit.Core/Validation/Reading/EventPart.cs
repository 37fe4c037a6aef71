namespace PaymentAudit.Core.Validation.Reading;

/// <summary>The objects of an audit event: the event itself and its nested objects.</summary>
internal enum EventPart
{
    Root,
    Actor,
    Origin,
    Query,
    Response,
    Outcome,
    Payment,
}
