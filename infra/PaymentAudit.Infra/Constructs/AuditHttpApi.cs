using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using PaymentAudit.Core.Contract;
using PaymentAudit.Infra.HttpApi;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// HTTP ingestion for applications that cannot use SQS: a regional API Gateway REST API with IAM
/// (SigV4) authorization whose two routes, <c>POST /v1/events</c> and <c>POST /v1/events/batch</c>,
/// hand the events straight to the audit queue through a direct SQS integration (no Lambda). The
/// body is checked against models derived at synthesis from the published event schema
/// (<see cref="Draft04Schema"/>); the writer stays the final judge. Group id: the
/// <c>X-Audit-Group</c> header, else the actor id; deduplication id: the event id
/// (docs/http.md says why). Stage throttling, a usage plan, a KMS-encrypted JSON access log, and
/// an integration role that may only send to the audit queue.
/// </summary>
public sealed class AuditHttpApi : Construct
{
    /// <summary>Name of the deployed stage, the first segment of every URL path.</summary>
    public const string StageName = "api";

    /// <summary>Path of the one-event route.</summary>
    public const string EventsPath = "/v1/events";

    /// <summary>Path of the batch route.</summary>
    public const string BatchPath = "/v1/events/batch";

    /// <summary>Metric (from the access log) counting requests the stage or usage plan throttled.</summary>
    public const string ThrottledMetricName = "HttpThrottled";

    private const string Json = "application/json";

    /// <summary>Creates the API, its models, integration role, access log, usage plan and metrics.</summary>
    public AuditHttpApi(Construct scope, string id, AuditHttpApiProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var settings = props.Settings;
        var environment = props.EnvironmentName;

        AccessLogGroup = new LogGroup(this, "AccessLogGroup", new LogGroupProps
        {
            Retention = LogRetention.Of(settings.AccessLogRetentionDays),
            EncryptionKey = props.DataKey,
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Api = new RestApi(this, "Api", new RestApiProps
        {
            RestApiName = $"paymentaudit-{environment}-ingest",
            Description = $"PaymentAudit {environment}: audit events over HTTPS (SigV4) into the audit queue",
            EndpointTypes = [EndpointType.REGIONAL],
            // The account's API Gateway logging role is an account-wide setting, not this stack's
            // (docs/infrastructure.md, "HTTP API").
            CloudWatchRole = false,
            DeployOptions = new StageOptions
            {
                StageName = StageName,
                ThrottlingRateLimit = settings.ThrottleRateLimit,
                ThrottlingBurstLimit = settings.ThrottleBurstLimit,
                AccessLogDestination = new LogGroupLogDestination(AccessLogGroup),
                AccessLogFormat = AccessLogFormat.Custom(AccessLogFormatJson(environment)),
                // Execution logs of errors only, never bodies: request bodies are audit events.
                LoggingLevel = MethodLoggingLevel.ERROR,
                DataTraceEnabled = false,
                MetricsEnabled = true,
                TracingEnabled = true,
            },
        });

        // The stack's HttpEndpoint output names the events route; the stage root is no endpoint.
        Api.Node.TryRemoveChild("Endpoint");

        IntegrationRole = new Role(this, "IntegrationRole", new RoleProps
        {
            RoleName = $"PaymentAudit-{environment}-http-ingest",
            AssumedBy = ServicePrincipals.InAccount("apigateway.amazonaws.com", stack.Account),
            Description = $"PaymentAudit {environment} HTTP ingestion: API Gateway sends audit events to the audit queue",
        });
        IntegrationPolicy = new ManagedPolicy(this, "IntegrationPolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment} HTTP ingestion: send to the audit queue only",
            Roles = [IntegrationRole],
            Statements =
            [
                // SendMessageBatch is authorized as sqs:SendMessage.
                Statements.Allow("SendToAuditQueue", ["sqs:SendMessage"], [props.Queue.QueueArn]),
                // SQS encrypts each message under a data key it generates from the queue's CMK.
                Statements.Allow(
                    "EncryptThroughQueue",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "sqs")),
            ],
        });

        var derivation = Draft04Schema.Derive(PublishedSchema());
        EventSchema = derivation.Schema;
        DroppedKeywords = derivation.Dropped;
        BatchSchema = Draft04Schema.ForBatch(EventSchema, SqsMappingTemplates.MaxBatchEntries, "A batch of 1-10 PaymentAudit audit events");
        var eventModel = AddModel("EventModel", "AuditEventV1", "One audit event (schema version 1), derived from schema/audit-event.v1.schema.json", EventSchema);
        var batchModel = AddModel("BatchModel", "AuditEventBatchV1", "1-10 audit events (schema version 1)", BatchSchema);

        var validator = Api.AddRequestValidator("RequestValidator", new RequestValidatorOptions
        {
            RequestValidatorName = "body-and-headers",
            ValidateRequestBody = true,
            ValidateRequestParameters = true,
        });

        var v1 = Api.Root.AddResource("v1");
        var events = v1.AddResource("events");
        var batch = events.AddResource("batch");
        EventsMethod = events.AddMethod("POST", Integration(props, "SendMessage", SqsMappingTemplates.SendMessageRequest(props.Queue.QueueUrl), SqsMappingTemplates.SendMessageAccepted),
            MethodOptionsFor(settings, validator, eventModel));
        BatchMethod = batch.AddMethod("POST", Integration(props, "SendMessageBatch", SqsMappingTemplates.SendMessageBatchRequest(props.Queue.QueueUrl), SqsMappingTemplates.SendMessageBatchAnswered),
            MethodOptionsFor(settings, validator, batchModel));

        AddGatewayResponses();

        UsagePlan = Api.AddUsagePlan("UsagePlan", new UsagePlanProps
        {
            Name = $"paymentaudit-{environment}-ingest",
            Description = $"PaymentAudit {environment}: per-application limits when API keys are required (http.apiKeyRequired)",
            Throttle = new ThrottleSettings { RateLimit = settings.ThrottleRateLimit, BurstLimit = settings.ThrottleBurstLimit },
            Quota = new QuotaSettings { Limit = settings.DailyQuotaPerKey, Period = Period.DAY },
            ApiStages = [new UsagePlanPerApiStage { Api = Api, Stage = Api.DeploymentStage }],
        });

        // API Gateway publishes no throttling metric for REST APIs: the access log's 429s are counted.
        ThrottledFilter = new MetricFilter(this, "ThrottledFilter", new MetricFilterProps
        {
            LogGroup = AccessLogGroup,
            FilterPattern = FilterPattern.NumberValue("$.status", "=", 429),
            MetricNamespace = props.MetricsNamespace,
            MetricName = ThrottledMetricName,
            MetricValue = "1",
            Dimensions = new Dictionary<string, string> { [AuditAlarms.EnvironmentDimension] = "$.environment" },
        });
    }

    /// <summary>The REST API.</summary>
    public RestApi Api { get; }

    /// <summary>The role API Gateway assumes to send to the queue; its only policy is <see cref="IntegrationPolicy"/>.</summary>
    public Role IntegrationRole { get; }

    /// <summary>What the integration role may do: send to the audit queue.</summary>
    public ManagedPolicy IntegrationPolicy { get; }

    /// <summary>The KMS-encrypted JSON access log.</summary>
    public LogGroup AccessLogGroup { get; }

    /// <summary><c>POST /v1/events</c>.</summary>
    public Amazon.CDK.AWS.APIGateway.Method EventsMethod { get; }

    /// <summary><c>POST /v1/events/batch</c>.</summary>
    public Amazon.CDK.AWS.APIGateway.Method BatchMethod { get; }

    /// <summary>Stage limits and the per-key daily quota.</summary>
    public UsagePlan UsagePlan { get; }

    /// <summary>Counts the access log's 429s as <see cref="ThrottledMetricName"/>.</summary>
    public MetricFilter ThrottledFilter { get; }

    /// <summary>The draft-04 model of one event.</summary>
    public JsonObject EventSchema { get; }

    /// <summary>The draft-04 model of a batch.</summary>
    public JsonObject BatchSchema { get; }

    /// <summary>Keywords of the published schema draft-04 cannot say (empty today).</summary>
    public IReadOnlyList<string> DroppedKeywords { get; }

    /// <summary>URL of <c>POST /v1/events</c>.</summary>
    public string EventsUrl => Api.UrlForPath(EventsPath);

    /// <summary>Fraction of requests (0-1) per five minutes answered with a 5xx.</summary>
    public IMetric ServerErrorRate(Duration period) =>
        Api.MetricServerError(new MetricOptions { Period = period, Statistic = Stats.AVERAGE });

    /// <summary>Requests per period answered with 429 (from the access log).</summary>
    public static IMetric ThrottledRequests(string metricsNamespace, string environment, Duration period) => new Metric(new MetricProps
    {
        Namespace = metricsNamespace,
        MetricName = ThrottledMetricName,
        DimensionsMap = new Dictionary<string, string> { [AuditAlarms.EnvironmentDimension] = environment },
        Statistic = Stats.SUM,
        Period = period,
    });

    /// <summary>The JSON access log line: who called what, with which result; never a body or a header value.</summary>
    public static string AccessLogFormatJson(string environment) => new JsonObject
    {
        ["requestId"] = "$context.requestId",
        ["extendedRequestId"] = "$context.extendedRequestId",
        ["requestTime"] = "$context.requestTime",
        ["environment"] = environment,
        ["caller"] = "$context.identity.userArn",
        ["accountId"] = "$context.identity.accountId",
        ["sourceIp"] = "$context.identity.sourceIp",
        ["apiKeyId"] = "$context.identity.apiKeyId",
        ["httpMethod"] = "$context.httpMethod",
        ["resourcePath"] = "$context.resourcePath",
        ["protocol"] = "$context.protocol",
        ["status"] = "$context.status",
        ["responseLength"] = "$context.responseLength",
        ["responseLatency"] = "$context.responseLatency",
        ["integrationStatus"] = "$context.integration.status",
        ["integrationLatency"] = "$context.integration.latency",
        ["errorType"] = "$context.error.responseType",
        ["validationError"] = "$context.error.validationErrorString",
    }.ToJsonString().Replace("\"$context.status\"", "$context.status", StringComparison.Ordinal);

    private static JsonObject PublishedSchema()
    {
        using var stream = typeof(AuditEvent).Assembly.GetManifestResourceStream("PaymentAudit.Core.audit-event.v1.schema.json")
            ?? throw new InvalidOperationException("PaymentAudit.Core does not embed audit-event.v1.schema.json.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static MethodOptions MethodOptionsFor(Configuration.HttpConfig settings, IRequestValidator validator, IModel model) => new()
    {
        AuthorizationType = AuthorizationType.IAM,
        ApiKeyRequired = settings.ApiKeyRequired,
        RequestValidator = validator,
        RequestModels = new Dictionary<string, IModel> { [Json] = model },
        RequestParameters = new Dictionary<string, bool> { [$"method.request.header.{SqsMappingTemplates.GroupHeader}"] = false },
        MethodResponses =
        [
            new MethodResponse { StatusCode = "202" },
            new MethodResponse { StatusCode = "400", ResponseParameters = new Dictionary<string, bool> { ["method.response.header.Retry-After"] = false } },
            new MethodResponse { StatusCode = "503", ResponseParameters = new Dictionary<string, bool> { ["method.response.header.Retry-After"] = false } },
        ],
    };

    private AwsIntegration Integration(AuditHttpApiProps props, string action, string requestTemplate, string acceptedTemplate)
    {
        var stack = Stack.Of(this);
        return new AwsIntegration(new AwsIntegrationProps
        {
            Service = "sqs",
            Path = $"{stack.Account}/{props.Queue.QueueName}",
            IntegrationHttpMethod = "POST",
            Options = new IntegrationOptions
            {
                CredentialsRole = IntegrationRole,
                // Only application/json has a template; any other content type is refused (415).
                PassthroughBehavior = PassthroughBehavior.NEVER,
                RequestParameters = new Dictionary<string, string>
                {
                    ["integration.request.header.Content-Type"] = "'application/x-amz-json-1.0'",
                    ["integration.request.header.X-Amz-Target"] = $"'AmazonSQS.{action}'",
                },
                RequestTemplates = new Dictionary<string, string> { [Json] = requestTemplate },
                IntegrationResponses =
                [
                    new IntegrationResponse { StatusCode = "202", ResponseTemplates = new Dictionary<string, string> { [Json] = acceptedTemplate } },
                    new IntegrationResponse
                    {
                        StatusCode = "400",
                        SelectionPattern = "4\\d{2}",
                        ResponseTemplates = new Dictionary<string, string> { [Json] = SqsMappingTemplates.QueueRefused },
                    },
                    new IntegrationResponse
                    {
                        StatusCode = "503",
                        SelectionPattern = "5\\d{2}",
                        ResponseTemplates = new Dictionary<string, string> { [Json] = SqsMappingTemplates.QueueUnavailable },
                        ResponseParameters = new Dictionary<string, string> { ["method.response.header.Retry-After"] = $"'{SqsMappingTemplates.RetryAfterSeconds}'" },
                    },
                ],
            },
        });
    }

    private IModel AddModel(string id, string name, string description, JsonObject schema)
    {
        var model = new CfnModel(this, id, new CfnModelProps
        {
            RestApiId = Api.RestApiId,
            Name = name,
            Description = description,
            ContentType = Json,
            Schema = ToJsii(schema),
        });
        return Model.FromModelName(this, id + "Ref", model.Ref);
    }

    private void AddGatewayResponses()
    {
        // API Gateway's own refusals answer in the same {"code","reason"} shape as the integration.
        void Respond(string id, ResponseType_ type, string status, string code, bool retryAfter = false, string extra = "") =>
            Api.AddGatewayResponse(id, new GatewayResponseOptions
            {
                Type = type,
                StatusCode = status,
                Templates = new Dictionary<string, string> { [Json] = $"{{\"code\":\"{code}\",\"reason\":$context.error.messageString{extra}}}" },
                ResponseHeaders = retryAfter
                    ? new Dictionary<string, string> { ["Retry-After"] = $"'{SqsMappingTemplates.RetryAfterSeconds}'" }
                    : null,
            });

        Respond("InvalidBody", ResponseType_.BAD_REQUEST_BODY, "400", "invalid_event", extra: ",\"violations\":\"$context.error.validationErrorString\"");
        Respond("InvalidHeaders", ResponseType_.BAD_REQUEST_PARAMETERS, "400", "invalid_request");
        Respond("Oversize", ResponseType_.REQUEST_TOO_LARGE, "413", "oversize");
        Respond("UnsupportedMediaType", ResponseType_.UNSUPPORTED_MEDIA_TYPE, "415", "unsupported_media_type");
        Respond("Throttled", ResponseType_.THROTTLED, "429", "throttled", retryAfter: true);
        Respond("QuotaExceeded", ResponseType_.QUOTA_EXCEEDED, "429", "quota_exceeded");
        Respond("ServerError", ResponseType_.DEFAULT_5XX, "503", "unavailable", retryAfter: true);
    }

    // jsii passes plain dictionaries, arrays and scalars through as JSON.
    private static object? ToJsii(JsonNode? node) => node switch
    {
        JsonObject map => map.ToDictionary(pair => pair.Key, pair => ToJsii(pair.Value)),
        JsonArray list => list.Select(ToJsii).ToArray(),
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value => value.GetValue<string>(),
        _ => null,
    };
}
