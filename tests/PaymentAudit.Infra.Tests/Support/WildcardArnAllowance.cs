namespace PaymentAudit.Infra.Tests.Support;

/// <summary>One reviewed Allow of a resource ARN that ends in a wildcard.</summary>
/// <param name="Holder">Logical id (without hash suffix) of the policy resource holding the statement, e.g. <c>WriterPolicy</c>.</param>
/// <param name="Resource">The resource as <see cref="PolicyStatementInTemplate.RenderedResources"/> writes it, e.g. <c>&lt;ArchiveBucket.Arn&gt;/quarantine/*</c>.</param>
/// <param name="Reason">Why the keys cannot be named in advance and what the statement still limits.</param>
public sealed record WildcardArnAllowance(string Holder, string Resource, string Reason);
