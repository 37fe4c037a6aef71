using System.Text;
using System.Text.Json;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Integration;

/// <summary>
/// The type the deployed handler string names, built the way the Lambda runtime builds it: a
/// parameterless constructor reading the environment. Environment variables are process-wide, so
/// these tests run in the DynamoDB Local collection, one at a time, and restore what they change.
/// </summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class FunctionEntryPointTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    [Fact]
    public async Task Function_BuiltFromTheEnvironment_StoresTheEventsOfAnSqsEvent()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var body = JsonSerializer.Serialize(Some.Json(Some.AccessEvent(eventId: "evt-entry-point")));
        var sqsEvent = $$$"""{"Records":[{"messageId":"m-1","body":{{{body}}},"attributes":{"MessageGroupId":"g","ApproximateReceiveCount":"1"}}]}""";

        using var environment = new EnvironmentScope(new()
        {
            [WriterSettings.TableNameVariable] = sut.Table,
            [WriterSettings.EnvironmentVariable] = "test",
            [WriterSettings.DynamoDbServiceUrlVariable] = dynamoDb.ServiceUrl.ToString(),
            [WriterSettings.ArchiveBucketVariable] = sut.Bucket,
            [WriterSettings.S3ServiceUrlVariable] = fauxqs.ServiceUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_REGION"] = "us-east-1",
        });
        var function = new Function();
        using var response = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent)));

        new StreamReader(response).ReadToEnd().ShouldBe("""{"batchItemFailures":[]}""");
        var stored = new List<PaymentAudit.Core.Chain.StoredRecord>();
        await foreach (var record in sut.Reader.FindEventAsync("evt-entry-point"))
        {
            stored.Add(record);
        }

        stored.Select(r => (r.KeyChainId, r.KeySeq)).ShouldBe([("g", 1L)]);
    }

    [Fact]
    public void Function_WithoutItsSettings_FailsAtStartNamingThem()
    {
        using var environment = new EnvironmentScope(new()
        {
            [WriterSettings.TableNameVariable] = null,
            [WriterSettings.EnvironmentVariable] = null,
            [WriterSettings.ArchiveBucketVariable] = null,
        });

        var error = Should.Throw<WriterConfigurationException>(() => new Function());

        error.Message.ShouldContain(WriterSettings.TableNameVariable);
        error.Message.ShouldContain(WriterSettings.EnvironmentVariable);
        error.Message.ShouldContain(WriterSettings.ArchiveBucketVariable);
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = [];

        public EnvironmentScope(Dictionary<string, string?> values)
        {
            foreach (var (name, value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
