using PaymentAudit.Auditing.Recording;
using PaymentAudit.Auditing.Targets;

namespace PaymentAudit.Auditing.Tests.Targets;

public sealed class TargetResolverTests
{
    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal)
    {
        ["/paymentaudit/prod/table-name"] = "PaymentAudit-prod-Table",
        ["/paymentaudit/prod/queue-url"] = "https://sqs.eu-west-1.amazonaws.com/222222222222/audit.fifo",
        ["/paymentaudit/prod/dead-letter-queue-url"] = "https://sqs.eu-west-1.amazonaws.com/222222222222/audit-dlq.fifo",
        ["/paymentaudit/prod/archive-bucket"] = "paymentaudit-prod-archive",
        ["/paymentaudit/prod/signing-key-arn"] = "arn:aws:kms:eu-west-1:222222222222:key/abc",
    };

    [Fact]
    public async Task Environment_ReadsEveryResourceFromItsParameters()
    {
        var target = await Resolver().ResolveAsync(new TargetOptions { Environment = "prod", Region = "eu-west-1", Profile = "auditor" }, CancellationToken.None);

        target.ShouldBe(new AuditTarget
        {
            Kind = TargetKind.Environment,
            Description = "environment prod (eu-west-1)",
            TableName = "PaymentAudit-prod-Table",
            QueueUrl = _parameters["/paymentaudit/prod/queue-url"],
            DeadLetterQueueUrl = _parameters["/paymentaudit/prod/dead-letter-queue-url"],
            ArchiveBucket = "paymentaudit-prod-archive",
            SigningKeyId = "arn:aws:kms:eu-west-1:222222222222:key/abc",
            DigestEnvironment = "prod",
            Region = "eu-west-1",
            Profile = "auditor",
        });
    }

    [Fact]
    public async Task Environment_ExplicitValues_OverrideTheParameters()
    {
        var target = await Resolver().ResolveAsync(new TargetOptions { Environment = "prod", Table = "other-table", Bucket = "other-bucket" }, CancellationToken.None);

        (target.TableName, target.ArchiveBucket, target.Kind).ShouldBe(("other-table", "other-bucket", TargetKind.Environment));
    }

    [Fact]
    public async Task Environment_MissingParameter_IsNamed()
    {
        _parameters.Remove("/paymentaudit/prod/queue-url");

        var error = await Should.ThrowAsync<TargetException>(() => Resolver().ResolveAsync(new TargetOptions { Environment = "prod" }, CancellationToken.None));

        error.Message.ShouldContain("/paymentaudit/prod/queue-url");
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("prod/../x")]
    [InlineData("")]
    public async Task Environment_BadName_IsAUsageError(string name)
    {
        await Should.ThrowAsync<TargetException>(() => Resolver().ResolveAsync(new TargetOptions { Environment = name }, CancellationToken.None));
    }

    [Fact]
    public async Task LocalAndEnvironment_Together_AreAUsageError()
    {
        await Should.ThrowAsync<TargetException>(() => Resolver().ResolveAsync(new TargetOptions { Local = true, Environment = "prod" }, CancellationToken.None));
    }

    [Fact]
    public async Task NoTarget_IsAUsageErrorNamingTheChoices()
    {
        var error = await Should.ThrowAsync<TargetException>(() => Resolver().ResolveAsync(new TargetOptions(), CancellationToken.None));

        error.Message.ShouldContain("--local");
        error.Message.ShouldContain("--env");
    }

    [Fact]
    public async Task Local_PointsAtTheLoopbackPortsAndLocalNames()
    {
        var target = await Resolver().ResolveAsync(new TargetOptions { Local = true, DynamoDbPort = 18000, SqsPort = 14566 }, CancellationToken.None);

        target.Kind.ShouldBe(TargetKind.Local);
        target.TableName.ShouldBe("paymentaudit-local-audit");
        target.DynamoDbServiceUrl.ShouldBe(new Uri("http://127.0.0.1:18000"));
        target.S3ServiceUrl.ShouldBe(new Uri("http://127.0.0.1:14566"));
        target.QueueUrl.ShouldBe("http://127.0.0.1:14566/q/paymentaudit-local-audit.fifo");
        target.ArchiveBucket.ShouldBe("paymentaudit-local-archive");
    }

    [Theory]
    [InlineData("arn:aws:sts::222222222222:assumed-role/PaymentAudit-prod-auditor/ana@example.com", "arn:aws:sts::222222222222:assumed-role/PaymentAudit-prod-auditor/ana@example.com")]
    [InlineData("os:ana maria@laptop", "os:ana_maria@laptop")]
    public void CallerIds_FitTheIdentifierRule(string identity, string expected)
    {
        CallerIds.Normalize(identity).ShouldBe(expected);
    }

    [Fact]
    public void CallerIds_TooLong_AreShortenedButStayDistinct()
    {
        var a = CallerIds.Normalize("arn:aws:sts::222222222222:assumed-role/" + new string('r', 120) + "/session-a");
        var b = CallerIds.Normalize("arn:aws:sts::222222222222:assumed-role/" + new string('r', 120) + "/session-b");

        a.Length.ShouldBe(128);
        a.ShouldNotBe(b);
    }

    private TargetResolver Resolver() => new(_ => new FakeParameters(_parameters), new FakeQueues());

    private sealed class FakeParameters(Dictionary<string, string> values) : IParameterSource
    {
        public Task<string?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(values.GetValueOrDefault(name));
    }

    private sealed class FakeQueues : IQueueLocator
    {
        public Task<string> LocateAsync(Uri endpoint, string queueName, CancellationToken cancellationToken) =>
            Task.FromResult($"{endpoint.ToString().TrimEnd('/')}/q/{queueName}");
    }
}
