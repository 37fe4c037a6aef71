using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.SQS.Model;

namespace PaymentAudit.Local.EventSource;

/// <summary>
/// Writes received SQS messages as the JSON event Lambda's SQS event source mapping passes to a
/// function: <c>{"Records":[{messageId, receiptHandle, body, attributes, messageAttributes,
/// md5OfBody, eventSource, eventSourceARN, awsRegion}]}</c>, system attributes as strings.
/// </summary>
public static class LambdaSqsEvent
{
    /// <summary>Writes the event for <paramref name="messages"/> from the queue <paramref name="queueArn"/>.</summary>
    public static MemoryStream Write(IReadOnlyList<Message> messages, string queueArn, string region)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", message.MessageId);
                writer.WriteString("receiptHandle", message.ReceiptHandle);
                writer.WriteString("body", message.Body);
                writer.WriteStartObject("attributes");
                foreach (var (name, value) in message.Attributes ?? [])
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("messageAttributes");
                writer.WriteEndObject();
                writer.WriteString("md5OfBody", message.MD5OfBody ?? Md5Hex(message.Body));
                writer.WriteString("eventSource", "aws:sqs");
                writer.WriteString("eventSourceARN", queueArn);
                writer.WriteString("awsRegion", region);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }

    // SQS's own body checksum, used only when the emulator leaves it out; not a security control.
#pragma warning disable CA5351
    private static string Md5Hex(string? body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body ?? string.Empty)));
#pragma warning restore CA5351
}
