using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using PaymentAudit.Core.Contract;
using PaymentAudit.Infra.Constructs;
using PaymentAudit.Infra.HttpApi;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>The HTTP ingestion API as synthesized: routes, integration templates, models, stage and access log.</summary>
[Collection(SharedSynthesis.Name)]
public sealed class HttpApiTests(SynthesizedApp app)
{
    private static readonly string[] Regional = ["REGIONAL"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    public static TheoryData<string, string> Routes => new()
    {
        { "dev", "events" }, { "dev", "batch" }, { "prod", "events" }, { "prod", "batch" },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public void Api_IsOneRegionalRestApi(string environment)
    {
        app.Templates[environment].ResourceCountIs("AWS::ApiGateway::RestApi", 1);
        app.Templates[environment].HasResourceProperties("AWS::ApiGateway::RestApi", new Dictionary<string, object>
        {
            ["Name"] = $"paymentaudit-{environment}-ingest",
            ["EndpointConfiguration"] = new Dictionary<string, object> { ["Types"] = Regional },
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Api_HasExactlyTheTwoPostRoutes(string environment)
    {
        var methods = TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Method").Values.ToList();

        methods.Select(m => m["Properties"]!["HttpMethod"]!.GetValue<string>()).ShouldBe(["POST", "POST"]);
        TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Resource").Values
            .Select(r => r["Properties"]!["PathPart"]!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(["batch", "events", "v1"]);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Route_RequiresSigV4AndValidatesTheBodyAgainstItsModel(string environment, string route)
    {
        var method = Method(environment, route)["Properties"]!;

        method["AuthorizationType"]!.GetValue<string>().ShouldBe("AWS_IAM");
        method["ApiKeyRequired"]!.GetValue<bool>().ShouldBe(app.Stacks[environment].Config.Http.ApiKeyRequired);
        TemplateText.Render(method["RequestModels"]!["application/json"]).ShouldBe(route == "events" ? "<HttpApiEventModel>" : "<HttpApiBatchModel>");
        TemplateText.Render(method["RequestValidatorId"]).ShouldBe("<HttpApiRequestValidator>");
        method["RequestParameters"]!.ToJsonString().ShouldBe("{\"method.request.header.X-Audit-Group\":false}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void RequestValidator_ChecksBodyAndHeaders(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::ApiGateway::RequestValidator", new Dictionary<string, object>
        {
            ["ValidateRequestBody"] = true,
            ["ValidateRequestParameters"] = true,
        });
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Integration_SendsToTheAuditQueueThroughTheSqsJsonProtocol(string environment, string route)
    {
        var integration = Method(environment, route)["Properties"]!["Integration"]!;
        var action = route == "events" ? "SendMessage" : "SendMessageBatch";

        integration["Type"]!.GetValue<string>().ShouldBe("AWS");
        integration["IntegrationHttpMethod"]!.GetValue<string>().ShouldBe("POST");
        TemplateText.Render(integration["Uri"]).ShouldBe(
            $"arn:aws:apigateway:{app.Stacks[environment].Config.Region}:sqs:path/{app.Stacks[environment].Config.Account}/<QueuesQueue.QueueName>");
        TemplateText.Render(integration["Credentials"]).ShouldBe("<HttpApiIntegrationRole.Arn>");
        integration["PassthroughBehavior"]!.GetValue<string>().ShouldBe("NEVER");
        var parameters = integration["RequestParameters"]!.AsObject();
        parameters.Select(pair => $"{pair.Key}={pair.Value!.GetValue<string>()}").ShouldBe(
            ["integration.request.header.Content-Type='application/x-amz-json-1.0'", $"integration.request.header.X-Amz-Target='AmazonSQS.{action}'"]);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Integration_RequestTemplateIsTheReviewedOne(string environment, string route)
    {
        var template = TemplateText.Render(Method(environment, route)["Properties"]!["Integration"]!["RequestTemplates"]!["application/json"]);

        template.ShouldBe(route == "events"
            ? SqsMappingTemplates.SendMessageRequest("<QueuesQueue>")
            : SqsMappingTemplates.SendMessageBatchRequest("<QueuesQueue>"));
    }

    [Fact]
    public void SendMessageTemplate_SendsTheBodyAsReceivedGroupedByHeaderOrActorAndDeduplicatedByEventId()
    {
        var template = SqsMappingTemplates.SendMessageRequest("QUEUE");

        template.ShouldContain("$util.escapeJavaScript($input.body).replaceAll(\"\\\\'\", \"'\")");
        template.ShouldContain("$!input.params('X-Audit-Group')");
        template.ShouldContain("#if($group == \"\")#set($group = \"$!input.path('$.actor.id')\")#end");
        template.ShouldContain("\"MessageDeduplicationId\":\"$eventId\"");
        template.ShouldContain("$!input.path('$.eventId')");
        template.ShouldEndWith("{\"QueueUrl\":\"QUEUE\",\"MessageBody\":\"$body\",\"MessageGroupId\":\"$groupId\",\"MessageDeduplicationId\":\"$eventId\"}");
    }

    [Fact]
    public void SendMessageBatchTemplate_MakesOneEntryPerArrayElementIdentifiedByItsIndex()
    {
        var template = SqsMappingTemplates.SendMessageBatchRequest("QUEUE");

        template.ShouldContain("#foreach($event in $input.path('$'))");
        template.ShouldContain("$util.escapeJavaScript($input.json(\"$[$i]\"))");
        template.ShouldContain("{\"Id\":\"$i\",\"MessageBody\":\"$body\",\"MessageGroupId\":\"$groupId\",\"MessageDeduplicationId\":\"$eventId\"}#if($foreach.hasNext),#end");
        template.ShouldContain("#set($entryGroup = \"$!event.actor.id\")");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Integration_Answers202OnSuccess400OnRefusalAnd503WithRetryAfterOnServerErrors(string environment, string route)
    {
        var responses = Method(environment, route)["Properties"]!["Integration"]!["IntegrationResponses"]!.AsArray();

        responses.Select(r => $"{r!["StatusCode"]} {r["SelectionPattern"]?.GetValue<string>() ?? "(default)"}")
            .ShouldBe(["202 (default)", "400 4\\d{2}", "503 5\\d{2}"]);
        responses[0]!["ResponseTemplates"]!["application/json"]!.GetValue<string>()
            .ShouldBe(route == "events" ? SqsMappingTemplates.SendMessageAccepted : SqsMappingTemplates.SendMessageBatchAnswered);
        responses[1]!["ResponseTemplates"]!["application/json"]!.GetValue<string>().ShouldBe(SqsMappingTemplates.QueueRefused);
        responses[2]!["ResponseParameters"]!["method.response.header.Retry-After"]!.GetValue<string>().ShouldBe("'1'");
    }

    [Fact]
    public void QueueRefusedTemplate_TurnsThrottlingInto503WithRetryAfter()
    {
        var template = SqsMappingTemplates.QueueRefused;

        template.ShouldContain("#if($code.contains('Throttl') || $code.contains('OverLimit'))");
        template.ShouldContain("#set($context.responseOverride.status = 503)");
        template.ShouldContain("#set($context.responseOverride.header.Retry-After = '1')");
        template.ShouldContain("\"code\":\"queue_refused\"");
        template.ShouldNotContain("$.message");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EventModel_IsTheDraft04DerivationOfThePublishedSchema(string environment)
    {
        var model = Model(environment, "AuditEventV1");
        using var stream = typeof(AuditEvent).Assembly.GetManifestResourceStream("PaymentAudit.Core.audit-event.v1.schema.json")!;
        var expected = Draft04Schema.Derive(JsonNode.Parse(stream)!.AsObject()).Schema;

        model["ContentType"]!.GetValue<string>().ShouldBe("application/json");
        JsonNode.DeepEquals(model["Schema"], expected).ShouldBeTrue(model["Schema"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void BatchModel_IsAnArrayOfOneToTenEvents(string environment)
    {
        var schema = Model(environment, "AuditEventBatchV1")["Schema"]!;
        var single = Model(environment, "AuditEventV1")["Schema"]!.DeepClone().AsObject();
        single.Remove("$schema");

        schema["$schema"]!.GetValue<string>().ShouldBe(Draft04Schema.MetaSchema);
        schema["type"]!.GetValue<string>().ShouldBe("array");
        schema["minItems"]!.GetValue<int>().ShouldBe(1);
        schema["maxItems"]!.GetValue<int>().ShouldBe(10);
        JsonNode.DeepEquals(schema["items"], single).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stage_IsThrottledTracedAndLogsErrorsWithoutBodies(string environment)
    {
        var http = app.Stacks[environment].Config.Http;

        app.Templates[environment].HasResourceProperties("AWS::ApiGateway::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StageName"] = AuditHttpApi.StageName,
            ["TracingEnabled"] = true,
            ["MethodSettings"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["HttpMethod"] = "*",
                    ["ResourcePath"] = "/*",
                    ["DataTraceEnabled"] = false,
                    ["LoggingLevel"] = "ERROR",
                    ["MetricsEnabled"] = true,
                    ["ThrottlingRateLimit"] = http.ThrottleRateLimit,
                    ["ThrottlingBurstLimit"] = http.ThrottleBurstLimit,
                },
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stage_WritesJsonAccessLogsToTheEncryptedLogGroup(string environment)
    {
        var stage = TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Stage").Values.Single()["Properties"]!;
        var format = stage["AccessLogSetting"]!["Format"]!.GetValue<string>();

        TemplateText.Render(stage["AccessLogSetting"]!["DestinationArn"]).ShouldBe("<HttpApiAccessLogGroup.Arn>");
        format.ShouldBe(AuditHttpApi.AccessLogFormatJson(environment));
        var line = JsonNode.Parse(format.Replace("$context.status", "429", StringComparison.Ordinal))!.AsObject();
        line["status"]!.GetValue<int>().ShouldBe(429);
        line["environment"]!.GetValue<string>().ShouldBe(environment);
        line["caller"]!.GetValue<string>().ShouldBe("$context.identity.userArn");
        format.ShouldNotContain("$input");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AccessLogGroup_IsEncryptedWithTheDataKeyAndKeptAsConfigured(string environment)
    {
        var group = TemplateWalker.Resources(app.Json[environment], "AWS::Logs::LogGroup")
            .Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == "HttpApiAccessLogGroup").Value["Properties"]!;

        TemplateText.Render(group["KmsKeyId"]).ShouldBe("<KeysDataKey.Arn>");
        group["RetentionInDays"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Http.AccessLogRetentionDays);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void UsagePlan_AppliesTheConfiguredThrottleAndDailyQuotaToTheStage(string environment)
    {
        var http = app.Stacks[environment].Config.Http;

        app.Templates[environment].HasResourceProperties("AWS::ApiGateway::UsagePlan", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Throttle"] = new Dictionary<string, object> { ["RateLimit"] = http.ThrottleRateLimit, ["BurstLimit"] = http.ThrottleBurstLimit },
            ["Quota"] = new Dictionary<string, object> { ["Limit"] = http.DailyQuotaPerKey, ["Period"] = "DAY" },
            ["ApiStages"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Stage"] = Match.AnyValue() }) },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void GatewayResponses_AnswerInTheCodeAndReasonShape(string environment)
    {
        var responses = TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::GatewayResponse").Values
            .Select(r => r["Properties"]!)
            .ToDictionary(p => p["ResponseType"]!.GetValue<string>(), p => p);

        responses.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["BAD_REQUEST_BODY", "BAD_REQUEST_PARAMETERS", "DEFAULT_5XX", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "THROTTLED", "UNSUPPORTED_MEDIA_TYPE"]);
        responses["BAD_REQUEST_BODY"]["ResponseTemplates"]!["application/json"]!.GetValue<string>().ShouldStartWith("{\"code\":\"invalid_event\"");
        responses["REQUEST_TOO_LARGE"]["StatusCode"]!.GetValue<string>().ShouldBe("413");
        responses["THROTTLED"]["ResponseParameters"]!["gatewayresponse.header.Retry-After"]!.GetValue<string>().ShouldBe("'1'");
        responses["DEFAULT_5XX"]["StatusCode"]!.GetValue<string>().ShouldBe("503");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ThrottledRequests_AreCountedFromTheAccessLogPerEnvironment(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["FilterPattern"] = "{ $.status = 429 }",
            ["MetricTransformations"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["MetricName"] = AuditHttpApi.ThrottledMetricName,
                    ["MetricNamespace"] = app.Stacks[environment].Config.Writer.MetricsNamespace,
                    ["MetricValue"] = "1",
                    ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Key"] = "Environment", ["Value"] = "$.environment" } },
                },
            },
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ServerErrorAlarm_FiresOnTheConfigured5xxRate(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-http-server-errors",
            ["Namespace"] = "AWS/ApiGateway",
            ["MetricName"] = "5XXError",
            ["Statistic"] = "Average",
            ["Threshold"] = app.Stacks[environment].Config.Http.ServerErrorRatePercent / 100.0,
            ["TreatMissingData"] = "notBreaching",
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ThrottlingAlarm_FiresOnTheConfiguredNumberOf429s(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-http-throttled-requests",
            ["MetricName"] = AuditHttpApi.ThrottledMetricName,
            ["Statistic"] = "Sum",
            ["Threshold"] = app.Stacks[environment].Config.Http.ThrottledRequests,
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "Environment", ["Value"] = environment } },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_OutputsTheEventsEndpoint(string environment)
    {
        var output = app.Json[environment]["Outputs"]!["HttpEndpoint"]!["Value"];

        TemplateText.Render(output).ShouldBe(
            $"https://<HttpApi>.execute-api.{app.Stacks[environment].Config.Region}.<AWS::URLSuffix>/<HttpApiDeploymentStageapi>/v1/events");
        app.Json[environment]["Outputs"]!.AsObject().Select(pair => pair.Key).Where(key => key.StartsWith("HttpApi", StringComparison.Ordinal))
            .ShouldBeEmpty("the API's own stage-root output is removed: HttpEndpoint names the route");
    }

    private JsonObject Method(string environment, string route)
    {
        var resources = TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Resource");
        var resource = resources.Single(pair => pair.Value["Properties"]!["PathPart"]!.GetValue<string>() == route).Key;
        return TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Method").Values
            .Single(m => m["Properties"]!["ResourceId"]!["Ref"]!.GetValue<string>() == resource);
    }

    private JsonObject Model(string environment, string name) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::ApiGateway::Model").Values
            .Select(m => m["Properties"]!.AsObject())
            .Single(p => p["Name"]!.GetValue<string>() == name);
}
