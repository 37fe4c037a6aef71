namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>One sample of the card corpus.</summary>
/// <param name="Category">The category it belongs to, e.g. <c>other separators</c>.</param>
/// <param name="Kind">Whether it carries a card number, a legitimate identifier or random digits.</param>
/// <param name="Payload">The message body (or, for <see cref="IsGroupId"/>, the message group id).</param>
/// <param name="Digits">The card number or identifier it carries, as plain ASCII digits.</param>
/// <param name="IsGroupId">True when <see cref="Payload"/> is an SQS message group id, checked by the detector alone.</param>
/// <param name="MustBeRefused">True when the only right outcome is a <c>forbidden_content</c> rejection (the event id, a JSON number).</param>
public sealed record CardSample(string Category, CardCorpusKind Kind, string Payload, string Digits, bool IsGroupId = false, bool MustBeRefused = false);
