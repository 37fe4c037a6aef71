using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using PaymentAudit.Auditing.DeadLetters;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Auditing.Tests.DeadLetters;

/// <summary>Redrive through SQS's move task: followed to its end, and never swapped for a manual move when SQS refuses.</summary>
public sealed class MoveTaskTests
{
    private const string DeadLetterQueue = "https://sqs.eu-west-1.amazonaws.com/111111111111/audit-dlq.fifo";
    private const string AuditQueue = "https://sqs.eu-west-1.amazonaws.com/111111111111/audit.fifo";
    private readonly IAmazonSQS _sqs = Substitute.For<IAmazonSQS>();

    public MoveTaskTests()
    {
        _sqs.GetQueueAttributesAsync(Arg.Is<GetQueueAttributesRequest>(r => r.QueueUrl == DeadLetterQueue), Arg.Any<CancellationToken>())
            .Returns(new GetQueueAttributesResponse { Attributes = new() { [QueueAttributeName.QueueArn] = "arn:dlq" } });
        _sqs.GetQueueAttributesAsync(Arg.Is<GetQueueAttributesRequest>(r => r.QueueUrl == AuditQueue), Arg.Any<CancellationToken>())
            .Returns(new GetQueueAttributesResponse { Attributes = new() { [QueueAttributeName.QueueArn] = "arn:audit" } });
    }

    [Fact]
    public async Task Redrive_FollowsTheMoveTaskAndReportsWhatItActuallyMoved()
    {
        _sqs.StartMessageMoveTaskAsync(Arg.Is<StartMessageMoveTaskRequest>(r => r.SourceArn == "arn:dlq" && r.DestinationArn == "arn:audit"), Arg.Any<CancellationToken>())
            .Returns(new StartMessageMoveTaskResponse { TaskHandle = "task-1" });
        _sqs.ListMessageMoveTasksAsync(Arg.Any<ListMessageMoveTasksRequest>(), Arg.Any<CancellationToken>())
            .Returns(
                Task(status: "RUNNING", moved: 1),
                Task(status: "COMPLETED", moved: 3));
        var reported = new List<long>();

        var moved = await Inspector().RedriveAsync(AuditQueue, new SynchronousProgress(reported), CancellationToken.None);

        moved.ShouldBe(3);
        reported.ShouldBe([1L, 3L]);
        await _sqs.DidNotReceiveWithAnyArgs().ReceiveMessageAsync(default(ReceiveMessageRequest)!, default);
    }

    [Fact]
    public async Task Redrive_WhenTheMoveTaskFails_SaysWhyAndHowFarItGot()
    {
        _sqs.StartMessageMoveTaskAsync(Arg.Any<StartMessageMoveTaskRequest>(), Arg.Any<CancellationToken>()).Returns(new StartMessageMoveTaskResponse { TaskHandle = "task-1" });
        _sqs.ListMessageMoveTasksAsync(Arg.Any<ListMessageMoveTasksRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task(status: "FAILED", moved: 2, failure: "AccessDenied on the destination's key"));

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => Inspector().RedriveAsync(AuditQueue, null, CancellationToken.None));

        failure.Message.ShouldContain("after 2 messages");
        failure.Message.ShouldContain("AccessDenied on the destination's key");
    }

    [Fact]
    public async Task Redrive_WhenSqsRefusesTheMoveTask_FailsInsteadOfMovingMessagesByHand()
    {
        _sqs.StartMessageMoveTaskAsync(Arg.Any<StartMessageMoveTaskRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonSQSException("not authorized") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden });

        await Should.ThrowAsync<AmazonSQSException>(() => Inspector().RedriveAsync(AuditQueue, null, CancellationToken.None));

        await _sqs.DidNotReceiveWithAnyArgs().ReceiveMessageAsync(default(ReceiveMessageRequest)!, default);
    }

    [Fact]
    public async Task Redrive_WhereTheServiceHasNoMoveTask_FallsBackToReceiveSendDelete()
    {
        _sqs.StartMessageMoveTaskAsync(Arg.Any<StartMessageMoveTaskRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonSQSException("unsupported") { ErrorCode = "UnsupportedOperation", StatusCode = HttpStatusCode.BadRequest });
        _sqs.ReceiveMessageAsync(Arg.Any<ReceiveMessageRequest>(), Arg.Any<CancellationToken>()).Returns(new ReceiveMessageResponse { Messages = [] });

        var moved = await Inspector().RedriveAsync(AuditQueue, null, CancellationToken.None);

        moved.ShouldBe(0);
        await _sqs.ReceivedWithAnyArgs().ReceiveMessageAsync(default(ReceiveMessageRequest)!, default);
    }

    private static ListMessageMoveTasksResponse Task(string status, long moved, string? failure = null) => new()
    {
        Results = [new ListMessageMoveTasksResultEntry { TaskHandle = "task-1", Status = status, ApproximateNumberOfMessagesMoved = moved, FailureReason = failure }],
    };

    private DeadLetterInspector Inspector() => new(_sqs, DeadLetterQueue, new AuditEventValidator());

    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<long> reported) : IProgress<long>
    {
        public void Report(long value) => reported.Add(value);
    }
}
