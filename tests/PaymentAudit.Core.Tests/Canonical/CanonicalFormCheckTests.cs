using System.Text;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Canonical;

/// <summary>The fast check never says "canonical" of bytes the canonicalizer would change.</summary>
public sealed class CanonicalFormCheckTests
{
    public static TheoryData<string> Canonical =>
    [
        """{"a":1,"b":[true,false,null],"c":{"d":"e"}}""",
        """{"n":-12,"z":0}""",
        """{"s":"quote \" backslash \\ nl \n tab \t ctl \u0001 del  é €"}""",
        """{"":1,"A":2,"a":3,"aa":4}""",
        "[]",
        "{}",
        "\"text\"",
    ];

    public static TheoryData<string> NotCanonicalOrUnsettled =>
    [
        """{"b":1,"a":2}""",
        """{"a":1,"a":2}""",
        """{ "a":1}""",
        """{"a":1 }""",
        "[1, 2]",
        """{"a":1.5}""",
        """{"a":1e3}""",
        """{"a":01}""",
        """{"a":-0}""",
        """{"s":"\/"}""",
        """{"s":"\u0041"}""",
        """{"s":"\u000a"}""",
        """{"s":"\u001F"}""",
        """{"s":"\ud83d\ude00"}""",
        """{"\u0061":1}""",
        """{"é":1}""",
        """{"a":1}x""",
        "not json",
    ];

    [Theory]
    [MemberData(nameof(Canonical))]
    public void IsCertainlyCanonical_CanonicalJson_IsTrue(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        CanonicalFormCheck.IsCertainlyCanonical(bytes).ShouldBeTrue();
        JsonCanonicalizer.Canonicalize(bytes).ShouldBe(bytes);
    }

    [Theory]
    [MemberData(nameof(NotCanonicalOrUnsettled))]
    public void IsCertainlyCanonical_OtherJson_IsFalse(string json)
    {
        CanonicalFormCheck.IsCertainlyCanonical(Encoding.UTF8.GetBytes(json)).ShouldBeFalse();
    }

    public static TheoryData<string> WhitespaceOrBytesAroundTokens =>
    [
        " {}",
        "{} ",
        "{}\n",
        """{"a" :1}""",
        """{"a": 1}""",
        """{"a":1,"b":[1 ,2]}""",
        "{\"a\":{\"b\":1}\t}",
        "\ufeff{}",
        """{"a":"x"}{"b":1}""",
        """{"a":1,}""",
    ];

    [Theory]
    [MemberData(nameof(WhitespaceOrBytesAroundTokens))]
    public void IsCertainlyCanonical_AnythingButTheTokensThemselves_IsFalse(string json)
    {
        CanonicalFormCheck.IsCertainlyCanonical(Encoding.UTF8.GetBytes(json)).ShouldBeFalse();
    }

    [Fact]
    public void IsCertainlyCanonical_InvalidUtf8InAString_IsFalse()
    {
        byte[] json = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        CanonicalFormCheck.IsCertainlyCanonical(json).ShouldBeFalse();
    }

    [Fact]
    public void IsCertainlyCanonical_EveryBodyTheWriterWrites_IsTrue()
    {
        foreach (var linked in ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt))
        {
            CanonicalFormCheck.IsCertainlyCanonical(Encoding.UTF8.GetBytes(linked.Record.Body)).ShouldBeTrue(linked.Record.Body);
        }
    }

    [Fact]
    public void IsCertainlyCanonical_RandomEdits_NeverAcceptWhatTheCanonicalizerWouldChange()
    {
        var random = new Random(11);
        var body = Encoding.UTF8.GetBytes(ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access(), Some.ReceivedAt).Record.Body);
        const string Noise = " \t\n{}[],:\"\\0123456789.eE-+tfnurabcxyz/é";
        for (var i = 0; i < 20_000; i++)
        {
            var edited = Encoding.UTF8.GetString(body).Insert(random.Next(body.Length), Noise[random.Next(Noise.Length)].ToString());
            var bytes = Encoding.UTF8.GetBytes(edited);
            if (!CanonicalFormCheck.IsCertainlyCanonical(bytes))
            {
                continue;
            }

            // Whatever the fast check accepts must be exactly the canonicalizer's output.
            JsonCanonicalizer.Canonicalize(bytes).ShouldBe(bytes, edited);
        }
    }
}
