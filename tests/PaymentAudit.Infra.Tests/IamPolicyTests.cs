using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>Walks every policy document of every environment's template.</summary>
[Collection(SharedSynthesis.Name)]
public sealed class IamPolicyTests(SynthesizedApp app)
{
    private static readonly string[] TargetParameterIds = ["TableName", "QueueUrl", "DeadLetterQueueUrl", "ArchiveBucket", "SigningKeyArn"];

    private static readonly string[] WriteOrMoveVerbs =
        ["Put", "Delete", "Update", "BatchWrite", "PartiQL", "Restore", "Replicate", "Create", "Purge", "StartMessageMoveTask", "CancelMessageMoveTask", "Abort"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void NoStatement_UsesTheStarActionOrNotAction(string environment)
    {
        var offenders = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Actions.Contains("*") || s.Statement["NotAction"] is not null || s.Statement["NotResource"] is not null)
            .Select(Describe);

        offenders.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void NoAllowStatement_UsesAWildcardAction(string environment)
    {
        var offenders = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Allow" && s.Actions.Any(action => action.Contains('*', StringComparison.Ordinal)))
            .Select(Describe);

        offenders.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WildcardActionsInDenies_OnlyEnforceTls(string environment)
    {
        // "Deny s3:* unless TLS" must cover every action, present and future; that is its point.
        var offenders = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Deny" && s.Actions.Any(action => action.Contains('*', StringComparison.Ordinal)) && !s.IsTlsOnlyDeny)
            .Select(Describe);

        offenders.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void StarResource_AppearsOnlyWhereAwsRequiresIt(string environment)
    {
        var offenders = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.LiteralResources.Contains("*") && !WildcardResourceAllowances.ByResourceType.ContainsKey(s.ResourceType))
            .Select(Describe);

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void EveryWildcardResourceAllowance_IsStillNeededInSomeEnvironment()
    {
        // Dev's unlocked vault has no deny-delete policy, so an allowance may be used in prod only.
        var used = app.Json.Values.SelectMany(TemplateWalker.Statements)
            .Where(s => s.LiteralResources.Contains("*"))
            .Select(s => s.ResourceType)
            .ToHashSet();

        WildcardResourceAllowances.ByResourceType.Keys.Where(type => !used.Contains(type)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WildcardArnInAnAllow_AppearsOnlyOnTheReviewedList(string environment)
    {
        var offenders = AllowedWildcardArns(environment)
            .Where(found => !WildcardResourceAllowances.ArnPatterns.Any(allowed => allowed.Holder == found.Holder && allowed.Resource == found.Resource));

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void EveryWildcardArnAllowance_IsStillNeededInSomeEnvironment()
    {
        var used = app.Json.Keys.SelectMany(AllowedWildcardArns).ToHashSet();

        WildcardResourceAllowances.ArnPatterns.Where(allowed => !used.Contains((allowed.Holder, allowed.Resource))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterRole_HasExactlyTheWritePathStatements(string environment)
    {
        var statements = StatementsOfRole(environment, "WriterRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "AppendToAuditTable: dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query on <Table.Arn>",
            "FindEventsInTheEventIndex: dynamodb:Query on <Table.Arn>/index/by-event",
            "ConsumeAuditQueue: sqs:ChangeMessageVisibility, sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:ReceiveMessage on <QueuesQueue.Arn>",
            "ArchiveQuarantinedPayloads: s3:PutObject on <ArchiveBucket.Arn>/quarantine/*",
            "UseDataKeyThroughQueueTableAndArchive: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "sqs", "dynamodb", "s3"),
            "WriteOwnLogs: logs:CreateLogStream, logs:PutLogEvents on <WriterLogGroup.Arn>",
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterRole_NeedsNoConditionCheckNorAnyIndexButTheEventIndex(string environment)
    {
        var statements = StatementsOfRole(environment, "WriterRole");

        statements.SelectMany(s => s.Actions).ShouldNotContain("dynamodb:ConditionCheckItem");
        statements.SelectMany(s => s.RenderedResources).Where(r => r.Contains("/index/", StringComparison.Ordinal))
            .ShouldBe(["<Table.Arn>/index/by-event"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerRole_HasExactlyTheIndexingStatements(string environment)
    {
        var statements = StatementsOfRole(environment, "IndexerRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "ReadAuditChains: dynamodb:Query on <Table.Arn>",
            "ListHistoryIndex: s3:ListBucket on <ArchiveBucket.Arn> when {\"StringLike\":{\"s3:prefix\":\"history/*\"}}",
            "ReadAndWriteHistoryIndex: s3:GetObject, s3:PutObject on <ArchiveBucket.Arn>/history/*",
            "UseDataKeyThroughTableAndArchive: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "dynamodb", "s3"),
            "WriteOwnLogs: logs:CreateLogStream, logs:PutLogEvents on <IndexerLogGroup.Arn>",
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerRole_TrustsOnlyLambdaAndHasItsFixedName(string environment)
    {
        var trust = StatementsOfRoleTrust(environment, "IndexerRole");
        var role = TemplateWalker.Resources(app.Json[environment], "AWS::IAM::Role").Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == "IndexerRole").Value;

        trust.Statement["Principal"]!["Service"]!.GetValue<string>().ShouldBe("lambda.amazonaws.com");
        role["Properties"]!["RoleName"]!.GetValue<string>().ShouldBe($"PaymentAudit-{environment}-indexer");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerSchedulerRole_CanOnlyInvokeTheIndexerAndDeadLetter(string environment)
    {
        var statements = StatementsOfRole(environment, "IndexerScheduleRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "InvokeIndexer: lambda:InvokeFunction on <IndexerFunction.Arn>",
            "DeadLetterFailedInvocations: sqs:SendMessage on <IndexerScheduleDeadLetterQueue.Arn>",
            "EncryptThroughDeadLetterQueue: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "sqs"),
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestRole_HasExactlyTheDigestStatements(string environment)
    {
        var statements = StatementsOfRole(environment, "DigestRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "ReadChainHeads: dynamodb:Query on <Table.Arn>",
            "ListDigests: s3:ListBucket on <ArchiveBucket.Arn> when {\"StringLike\":{\"s3:prefix\":\"digests/*\"}}",
            "ReadDigests: s3:GetObject on <ArchiveBucket.Arn>/digests/*",
            "CreateDigests: s3:PutObject on <ArchiveBucket.Arn>/digests/* when {\"Null\":{\"s3:if-none-match\":\"false\"}}",
            $"MoveLatestPointer: s3:PutObject on <ArchiveBucket.Arn>/digests/{environment}/latest.json",
            "SignDigests: kms:Sign on <KeysSigningKey.Arn> when {\"StringEquals\":{\"kms:MessageType\":\"DIGEST\",\"kms:SigningAlgorithm\":\"ECDSA_SHA_256\"}}",
            "UseDataKeyThroughTableAndArchive: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "dynamodb", "s3"),
            "WriteOwnLogs: logs:CreateLogStream, logs:PutLogEvents on <DigestLogGroup.Arn>",
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestRole_TrustsOnlyLambdaAndHasItsFixedName(string environment)
    {
        var trust = StatementsOfRoleTrust(environment, "DigestRole");
        var role = TemplateWalker.Resources(app.Json[environment], "AWS::IAM::Role").Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == "DigestRole").Value;

        trust.Statement["Principal"]!["Service"]!.GetValue<string>().ShouldBe("lambda.amazonaws.com");
        role["Properties"]!["RoleName"]!.GetValue<string>().ShouldBe($"PaymentAudit-{environment}-digest");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestSchedulerRole_CanOnlyInvokeTheDigestFunctionAndDeadLetter(string environment)
    {
        var statements = StatementsOfRole(environment, "DigestScheduleRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "InvokeDigestFunction: lambda:InvokeFunction on <DigestFunction.Arn>",
            "DeadLetterFailedInvocations: sqs:SendMessage on <DigestScheduleDeadLetterQueue.Arn>",
            "EncryptThroughDeadLetterQueue: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "sqs"),
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OnlyTheDigestFunction_MaySignAndOnlyWithTheSigningKey(string environment)
    {
        // A principal that can sign can forge digests; the key policy lets IAM grant it, so no other
        // identity policy in the stack may. The auditor only reads the public key.
        var signers = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Allow" && s.ResourceType != "AWS::KMS::Key" && s.Actions.Contains("kms:Sign"))
            .Select(s => PolicyStatementInTemplate.WithoutHash(s.LogicalId) + " on " + string.Join(", ", s.RenderedResources));

        signers.ShouldBe(["DigestPolicy on <KeysSigningKey.Arn>"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestRole_CreatesDigestsWithoutReplacingThemAndOverwritesOnlyTheLatestPointer(string environment)
    {
        // Without the condition, a put could replace the current version of a past digest.
        var overwriting = StatementsOfRole(environment, "DigestRole")
            .Where(s => s.Actions.Contains("s3:PutObject") && s.Statement["Condition"]?["Null"]?["s3:if-none-match"]?.GetValue<string>() != "false");

        overwriting.SelectMany(s => s.RenderedResources).ShouldBe([$"<ArchiveBucket.Arn>/digests/{environment}/latest.json"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestRole_WritesNothingButDigestsAndItsOwnLogs(string environment)
    {
        var statements = StatementsOfRole(environment, "DigestRole");

        statements.SelectMany(s => s.Actions).Where(IsWriteOrMove).Order(StringComparer.Ordinal)
            .ShouldBe(["logs:CreateLogStream", "logs:PutLogEvents", "s3:PutObject", "s3:PutObject"]);
        statements.Where(s => s.Actions.Contains("s3:PutObject")).SelectMany(s => s.RenderedResources)
            .ShouldBe(["<ArchiveBucket.Arn>/digests/*", $"<ArchiveBucket.Arn>/digests/{environment}/latest.json"]);
        statements.Single(s => s.Actions.Contains("logs:PutLogEvents")).RenderedResources.ShouldBe(["<DigestLogGroup.Arn>"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterRole_CannotUpdateOrDelete(string environment)
    {
        var forbidden = StatementsOfRole(environment, "WriterRole")
            .SelectMany(s => s.Actions)
            .Where(action => action.Contains("Delete", StringComparison.Ordinal) && action != "sqs:DeleteMessage"
                || action.Contains("Update", StringComparison.Ordinal)
                || action.Contains("BatchWrite", StringComparison.Ordinal)
                || action.Contains("PartiQL", StringComparison.Ordinal));

        forbidden.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Roles_UseNoInlinePoliciesAndOnlyTheBackupServiceManagedPolicy(string environment)
    {
        var json = app.Json[environment];
        TemplateWalker.Resources(json, "AWS::IAM::Policy").ShouldBeEmpty();

        var awsManaged = TemplateWalker.Resources(json, "AWS::IAM::Role").Values
            .SelectMany(role => role["Properties"]!["ManagedPolicyArns"]?.AsArray() ?? [])
            .Select(arn => arn!.ToJsonString())
            .ToList();
        awsManaged.Count.ShouldBe(1);
        awsManaged[0].ShouldContain(":iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ProducerPolicy_CanOnlySendAndUseTheKeyThroughSqs(string environment)
    {
        var statements = StatementsOfManagedPolicy(environment, "AccessProducerPolicy");

        statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ShouldBe(["kms:Decrypt", "kms:GenerateDataKey", "sqs:SendMessage"]);
        statements.Single(s => s.Actions.Contains("kms:GenerateDataKey")).Statement["Condition"]!.ToJsonString()
            .ShouldContain($"sqs.{app.Stacks[environment].Config.Region}.amazonaws.com");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_HasExactlyTheStatementsTheAuditorCommandsNeed(string environment)
    {
        var statements = StatementsOfRole(environment, "AccessAuditorRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "ResolveStackParameters: ssm:GetParameter on " + ParameterArns(environment),
            "RecordOwnReads: sqs:SendMessage on <QueuesQueue.Arn>",
            "PeekAtDeadLetters: sqs:ChangeMessageVisibility, sqs:ReceiveMessage on <QueuesDeadLetterQueue.Arn>",
            "UseDataKeyThroughQueues: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "sqs"),
            "ReadAuditTable: dynamodb:GetItem, dynamodb:Query on <Table.Arn>",
            "ReadEventIndex: dynamodb:Query, dynamodb:Scan on <Table.Arn>/index/by-event",
            "ListHistoryIndexAndQuarantine: s3:ListBucket on <ArchiveBucket.Arn> when {\"StringLike\":{\"s3:prefix\":[\"history/*\",\"quarantine/*\"]}}",
            "ReadHistoryIndexAndQuarantine: s3:GetObject on <ArchiveBucket.Arn>/history/*, <ArchiveBucket.Arn>/quarantine/*",
            "ListExportsAndDigests: s3:ListBucket on <ArchiveBucket.Arn> when {\"StringLike\":{\"s3:prefix\":[\"exports/*\",\"digests/*\"]}}",
            "ReadExportsAndDigests: s3:GetObject on <ArchiveBucket.Arn>/digests/*, <ArchiveBucket.Arn>/exports/*",
            "DecryptThroughTableAndArchive: kms:Decrypt on <KeysDataKey.Arn> when " + ViaServices(environment, "dynamodb", "s3"),
            "ReadDigestPublicKey: kms:GetPublicKey on <KeysSigningKey.Arn>",
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_CannotMoveOrDeleteMessagesWriteTheTableOrPutObjects(string environment)
    {
        var actions = StatementsOfRole(environment, "AccessAuditorRole").SelectMany(s => s.Actions).ToList();

        actions.Where(IsWriteOrMove).ShouldBeEmpty();
        actions.Where(action => action.StartsWith("s3:", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["s3:GetObject", "s3:ListBucket"]);
        actions.Where(action => action.StartsWith("dynamodb:", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_SendsOnlyToTheAuditQueue(string environment)
    {
        // Its one write: the audit event of its own read, on the queue every event goes through.
        var sends = StatementsOfRole(environment, "AccessAuditorRole").Where(s => s.Actions.Contains("sqs:SendMessage")).ToList();

        sends.ShouldHaveSingleItem().RenderedResources.ShouldBe(["<QueuesQueue.Arn>"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_ScansNothingButTheEventIndex(string environment)
    {
        var scans = StatementsOfRole(environment, "AccessAuditorRole").Where(s => s.Actions.Contains("dynamodb:Scan"));

        scans.SelectMany(s => s.RenderedResources).ShouldBe(["<Table.Arn>/index/by-event"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OperatorRole_HasExactlyTheRedriveStatements(string environment)
    {
        var statements = StatementsOfRole(environment, "AccessOperatorRole").Select(s => s.Summary);

        statements.ShouldBe(
        [
            "ResolveStackParameters: ssm:GetParameter on " + ParameterArns(environment),
            "RecordOwnActionsAndReceiveRedrivenMessages: sqs:GetQueueAttributes, sqs:SendMessage on <QueuesQueue.Arn>",
            "RedriveDeadLetters: sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:ListMessageMoveTasks, sqs:ReceiveMessage, sqs:StartMessageMoveTask on <QueuesDeadLetterQueue.Arn>",
            "UseDataKeyThroughQueues: kms:Decrypt, kms:GenerateDataKey on <KeysDataKey.Arn> when " + ViaServices(environment, "sqs"),
        ]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OperatorRole_CannotReadTheTrailOrTheArchive(string environment)
    {
        var actions = StatementsOfRole(environment, "AccessOperatorRole").SelectMany(s => s.Actions);

        actions.Where(action => action.StartsWith("dynamodb:", StringComparison.Ordinal) || action.StartsWith("s3:", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OnlyTheWriterAndTheOperator_MayDeleteQueueMessages(string environment)
    {
        // The writer deletes what it stored; the operator's move task deletes what it moved. Nobody
        // else may drop a message, and nobody at all may purge a queue.
        var deleters = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Allow" && s.Actions.Contains("sqs:DeleteMessage"))
            .Select(s => PolicyStatementInTemplate.WithoutHash(s.LogicalId) + " on " + string.Join(", ", s.RenderedResources));

        deleters.Order(StringComparer.Ordinal).ShouldBe(["AccessOperatorPolicy on <QueuesDeadLetterQueue.Arn>", "WriterPolicy on <QueuesQueue.Arn>"]);
        TemplateWalker.Statements(app.Json[environment]).Where(s => s.Effect == "Allow").SelectMany(s => s.Actions)
            .ShouldNotContain(action => action == "sqs:PurgeQueue" || action == "sqs:CancelMessageMoveTask");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportStateMachineRole_CanOnlyExportWatchAndWriteUnderTheExportPrefix(string environment)
    {
        var statements = StatementsOfRole(environment, "ExportStateMachineRole");

        statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ShouldBe(
        [
            "dynamodb:DescribeExport", "dynamodb:ExportTableToPointInTime", "kms:Decrypt", "kms:GenerateDataKey",
            "s3:AbortMultipartUpload", "s3:PutObject", "s3:PutObjectAcl",
        ]);
        var write = statements.Single(s => s.Sid == "WriteExportObjects").Statement["Resource"]!.ToJsonString();
        write.ShouldContain("ArchiveExportStagingBucket");
        write.ShouldContain("/exports/*");
        statements.Single(s => s.Sid == "WatchAuditTableExports").Statement["Resource"]!.ToJsonString().ShouldContain("/export/*");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportSchedulerRole_CanOnlyStartTheStateMachineAndDeadLetter(string environment)
    {
        var statements = StatementsOfRole(environment, "ExportSchedulerRole");

        statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ShouldBe(
            ["kms:Decrypt", "kms:GenerateDataKey", "sqs:SendMessage", "states:StartExecution"]);
        statements.Single(s => s.Sid == "StartExport").Statement["Resource"]!.ToJsonString().ShouldContain("ExportStateMachine");
        statements.Single(s => s.Sid == "DeadLetterFailedStarts").Statement["Resource"]!.ToJsonString().ShouldContain("ExportDeadLetterQueue");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportCopyRole_CanOnlyReadStagedExportsAndReplicateThemIntoTheArchive(string environment)
    {
        var statements = StatementsOfRole(environment, "ExportCopyRole");

        statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ShouldBe(
        [
            "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging",
            "s3:GetReplicationConfiguration", "s3:ListBucket", "s3:ReplicateObject", "s3:ReplicateTags",
        ]);
        var write = statements.Single(s => s.Sid == "WriteArchiveCopies").Statement["Resource"]!.ToJsonString();
        write.ShouldContain("ArchiveBucket");
        write.ShouldContain("/exports/*");
        statements.Single(s => s.Sid == "ReadExportVersions").Statement["Resource"]!.ToJsonString().ShouldContain("ArchiveExportStagingBucket");
    }

    [Theory]
    [InlineData("dev", "ExportCopyRole", "s3.amazonaws.com")]
    [InlineData("prod", "ExportCopyRole", "s3.amazonaws.com")]
    [InlineData("dev", "ExportSchedulerRole", "scheduler.amazonaws.com")]
    [InlineData("dev", "ExportStateMachineRole", "states.amazonaws.com")]
    [InlineData("prod", "ExportSchedulerRole", "scheduler.amazonaws.com")]
    [InlineData("prod", "ExportStateMachineRole", "states.amazonaws.com")]
    [InlineData("dev", "IndexerScheduleRole", "scheduler.amazonaws.com")]
    [InlineData("prod", "IndexerScheduleRole", "scheduler.amazonaws.com")]
    [InlineData("dev", "DigestScheduleRole", "scheduler.amazonaws.com")]
    [InlineData("prod", "DigestScheduleRole", "scheduler.amazonaws.com")]
    public void ServiceRoles_TrustOnlyTheirServiceInThisAccount(string environment, string role, string service)
    {
        var trust = StatementsOfRoleTrust(environment, role);

        trust.Statement["Principal"]!["Service"]!.GetValue<string>().ShouldBe(service);
        trust.Statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]!.GetValue<string>().ShouldBe(app.Stacks[environment].Config.Account);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_TrustsExactlyTheConfiguredPrincipals(string environment)
    {
        var trust = RoleTrust(environment, "AccessAuditorRole");

        trust.SelectMany(s => Principals(s.Statement)).Order(StringComparer.Ordinal)
            .ShouldBe(app.Stacks[environment].Config.Access.AuditorPrincipals.Order(StringComparer.Ordinal));
        trust.SelectMany(s => s.Actions).Distinct().ShouldBe(["sts:AssumeRole"]);
        trust.ShouldNotContain(s => s.Statement["Principal"]!.ToJsonString().Contains(":root", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OperatorRole_TrustsExactlyTheConfiguredPrincipals(string environment)
    {
        var trust = RoleTrust(environment, "AccessOperatorRole");

        trust.SelectMany(s => Principals(s.Statement)).Order(StringComparer.Ordinal)
            .ShouldBe(app.Stacks[environment].Config.Access.OperatorPrincipals.Order(StringComparer.Ordinal));
        trust.SelectMany(s => s.Actions).Distinct().ShouldBe(["sts:AssumeRole"]);
        trust.ShouldNotContain(s => s.Statement["Principal"]!.ToJsonString().Contains(":root", StringComparison.Ordinal));
    }

    [Fact]
    public void OperatorRole_RequiresMfaOfAnIamUser()
    {
        var statement = RoleTrust("dev", "AccessOperatorRole").ShouldHaveSingleItem();

        Principals(statement.Statement).ShouldBe(["arn:aws:iam::111111111111:user/payment-audit-dev-operator"]);
        statement.Statement["Condition"]!["Bool"]!["aws:MultiFactorAuthPresent"]!.GetValue<string>().ShouldBe("true");
    }

    [Fact]
    public void OperatorRole_TrustsFederatedRolesByArnOnly()
    {
        var statement = RoleTrust("prod", "AccessOperatorRole").ShouldHaveSingleItem();

        statement.Statement["Condition"].ShouldBeNull();
        Principals(statement.Statement).ShouldAllBe(p => p.Contains(":role/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev", "AccessAuditorRole", "PaymentAudit-dev-auditor")]
    [InlineData("prod", "AccessAuditorRole", "PaymentAudit-prod-auditor")]
    [InlineData("dev", "AccessOperatorRole", "PaymentAudit-dev-operator")]
    [InlineData("prod", "AccessOperatorRole", "PaymentAudit-prod-operator")]
    public void PeoplesRoles_HaveTheirFixedNamesAndOneHourSessions(string environment, string role, string name)
    {
        var properties = TemplateWalker.Resources(app.Json[environment], "AWS::IAM::Role")
            .Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == role).Value["Properties"]!;

        properties["RoleName"]!.GetValue<string>().ShouldBe(name);
        properties["MaxSessionDuration"]!.GetValue<int>().ShouldBe(3600);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditorRole_RequiresMfaOfEveryIamUser(string environment)
    {
        var users = RoleTrust(environment, "AccessAuditorRole").Where(s => Principals(s.Statement).Any(p => p.Contains(":user/", StringComparison.Ordinal))).ToList();

        users.ShouldNotBeEmpty();
        foreach (var statement in users)
        {
            Principals(statement.Statement).ShouldAllBe(p => p.Contains(":user/", StringComparison.Ordinal));
            statement.Statement["Condition"]!["Bool"]!["aws:MultiFactorAuthPresent"]!.GetValue<string>().ShouldBe("true");
        }
    }

    [Fact]
    public void AuditorRole_TrustsFederatedRolesByArnOnly()
    {
        // Role sessions carry no aws:MultiFactorAuthPresent: their identity provider enforces MFA.
        var roles = RoleTrust("prod", "AccessAuditorRole").Where(s => Principals(s.Statement).Any(p => p.Contains(":role/", StringComparison.Ordinal))).ToList();

        roles.ShouldHaveSingleItem().Statement["Condition"].ShouldBeNull();
        Principals(roles[0].Statement).ShouldAllBe(p => p.Contains(":role/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal));
    }

    // Wildcard ARNs in Allow statements; a literal "*" resource is the other list's business.
    private IEnumerable<(string Holder, string Resource)> AllowedWildcardArns(string environment) =>
        TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Allow")
            .SelectMany(s => s.RenderedResources
                .Where(resource => resource != "*" && resource.Contains('*', StringComparison.Ordinal))
                .Select(resource => (PolicyStatementInTemplate.WithoutHash(s.LogicalId), resource)));

    private string ViaServices(string environment, params string[] services) =>
        "{\"StringEquals\":{\"kms:ViaService\":["
        + string.Join(",", services.Select(service => $"\"{service}.{app.Stacks[environment].Config.Region}.amazonaws.com\""))
        + "]}}";

    private static string Describe(PolicyStatementInTemplate statement) =>
        $"{statement.LogicalId} ({statement.ResourceType}) {statement.Statement.ToJsonString()}";

    private List<PolicyStatementInTemplate> StatementsOfRole(string environment, string roleLogicalIdPrefix)
    {
        var json = app.Json[environment];
        var role = TemplateWalker.Resources(json, "AWS::IAM::Role").Keys.Single(id => id.StartsWith(roleLogicalIdPrefix, StringComparison.Ordinal));
        var policies = TemplateWalker.Resources(json, "AWS::IAM::ManagedPolicy")
            .Concat(TemplateWalker.Resources(json, "AWS::IAM::Policy"))
            .Where(pair => (pair.Value["Properties"]!["Roles"]?.AsArray() ?? []).Any(r => r!["Ref"]?.GetValue<string>() == role))
            .Select(pair => pair.Key)
            .ToHashSet();
        return [.. TemplateWalker.Statements(json).Where(s => policies.Contains(s.LogicalId))];
    }

    private List<PolicyStatementInTemplate> StatementsOfManagedPolicy(string environment, string policyLogicalIdPrefix) =>
        [.. TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.ResourceType == "AWS::IAM::ManagedPolicy" && s.LogicalId.StartsWith(policyLogicalIdPrefix, StringComparison.Ordinal))];

    private List<PolicyStatementInTemplate> RoleTrust(string environment, string roleLogicalIdPrefix) =>
        [.. TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.ResourceType == "AWS::IAM::Role" && PolicyStatementInTemplate.WithoutHash(s.LogicalId) == roleLogicalIdPrefix)];

    // The five target parameters' ARNs as the walker renders them (the parameter's Ref is its name,
    // which starts with '/'), sorted as CDK sorts a statement's resources.
    private string ParameterArns(string environment)
    {
        var config = app.Stacks[environment].Config;
        return string.Join(", ", TargetParameterIds.Order(StringComparer.Ordinal)
            .Select(id => $"arn:aws:ssm:{config.Region}:{config.Account}:parameter<Parameters{id}>"));
    }

    // Actions that change data or move messages, by the verb AWS names them with.
    private static bool IsWriteOrMove(string action)
    {
        var verb = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return WriteOrMoveVerbs.Any(prefix => verb.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static List<string> Principals(System.Text.Json.Nodes.JsonObject statement) => statement["Principal"]!["AWS"] switch
    {
        System.Text.Json.Nodes.JsonArray list => [.. list.Select(p => p!.GetValue<string>())],
        var single => [single!.GetValue<string>()],
    };

    private PolicyStatementInTemplate StatementsOfRoleTrust(string environment, string roleLogicalIdPrefix) =>
        TemplateWalker.Statements(app.Json[environment])
            .Single(s => s.ResourceType == "AWS::IAM::Role" && s.LogicalId.StartsWith(roleLogicalIdPrefix, StringComparison.Ordinal));

}
