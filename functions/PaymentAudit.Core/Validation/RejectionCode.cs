namespace PaymentAudit.Core.Validation;

/// <summary>Why an incoming message could not be accepted as an audit event.</summary>
public enum RejectionCode
{
    /// <summary>The payload is not well-formed JSON (or not valid UTF-8).</summary>
    NotJson,

    /// <summary>The payload is JSON but not an object.</summary>
    NotAnObject,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field has the wrong type, format or length.</summary>
    InvalidField,

    /// <summary>A field the contract does not define.</summary>
    UnknownField,

    /// <summary>The same field appears twice in one object.</summary>
    DuplicateField,

    /// <summary><c>occurredAt</c> is not an RFC 3339 UTC date-time.</summary>
    InvalidTimestamp,

    /// <summary><c>schemaVersion</c> is not one this release understands.</summary>
    UnsupportedSchemaVersion,

    /// <summary>The payload is larger than the configured limit.</summary>
    Oversize,

    /// <summary>The payload carries something an audit trail must not store (a card number).</summary>
    ForbiddenContent,

    /// <summary>
    /// A valid event whose event id is already stored with different content. Set by the writer,
    /// which knows what is stored, never by the validator.
    /// </summary>
    ConflictingDuplicate,
}
