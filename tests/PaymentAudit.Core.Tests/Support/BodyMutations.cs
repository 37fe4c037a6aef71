using System.Text;
using System.Text.Json;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// Edits a record body the ways someone with write access to the table could, or a bug could: each
/// edit keeps most of the body and changes one thing at the byte level, so the result is often
/// still JSON, sometimes still canonical, sometimes neither. The same seed gives the same edit.
/// </summary>
public static class BodyMutations
{
    private static readonly string[] Whitespace = [" ", "\n", "\t", "\r\n"];

    private static readonly string[] Replacements = ["\"tampered\"", "\"\"", "17", "-3", "{}", "[]", "true", "false", "[\"a\",\"b\"]", "{\"a\":1}"];

    /// <summary>The kinds of edit, for naming a failing case.</summary>
    public enum Kind
    {
        Whitespace,
        Reorder,
        Duplicate,
        Delete,
        Replace,
        ReEscape,
        NumberForm,
        LoneSurrogate,
        DeepNesting,
        RawControlCharacter,
        NonAscii,
        UnknownMember,
        EscapedName,
        OtherInteger,
    }

    /// <summary>One edit of <paramref name="body"/> chosen by <paramref name="seed"/>; null when the body offers no place for it.</summary>
    public static (Kind Kind, string Body)? Mutate(string body, int seed)
    {
        var random = new Random(seed);
        var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
        var bytes = Encoding.UTF8.GetBytes(body);
        var shape = Shape.Of(bytes);
        var edited = kind switch
        {
            Kind.Whitespace => InsertWhitespace(bytes, shape, random),
            Kind.Reorder => Reorder(bytes, shape, random),
            Kind.Duplicate => Duplicate(bytes, shape, random),
            Kind.Delete => Delete(bytes, shape, random),
            Kind.Replace => Replace(bytes, shape, random),
            Kind.ReEscape => ReEscape(bytes, shape, random, names: false),
            Kind.NumberForm => NumberForm(bytes, shape, random),
            Kind.LoneSurrogate => InsertInString(bytes, shape, random, random.Next(2) == 0 ? "\\ud800"u8 : "\\udfff"u8),
            Kind.DeepNesting => ReplaceValue(bytes, shape, random, string.Concat(Enumerable.Repeat("[", random.Next(2) == 0 ? 70 : 5))
                + "1" + string.Concat(Enumerable.Repeat("]", random.Next(2) == 0 ? 70 : 5))),
            Kind.RawControlCharacter => InsertInString(bytes, shape, random, [(byte)random.Next(0, 0x20)]),
            Kind.NonAscii => InsertInString(bytes, shape, random, "\u00e9"u8),
            Kind.UnknownMember => AddMember(bytes, shape, random),
            Kind.EscapedName => ReEscape(bytes, shape, random, names: true),
            _ => OtherInteger(bytes, shape, random),
        };
        return edited is null ? null : (kind, Encoding.UTF8.GetString(edited));
    }

    private static byte[] Splice(byte[] bytes, int start, int end, ReadOnlySpan<byte> insert) =>
        [.. bytes.AsSpan(0, start), .. insert, .. bytes.AsSpan(end)];

    private static byte[] Splice(byte[] bytes, int start, int end, string insert) => Splice(bytes, start, end, Encoding.UTF8.GetBytes(insert));

    private static T? Pick<T>(IReadOnlyList<T> items, Random random)
        where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];

    private static byte[]? InsertWhitespace(byte[] bytes, Shape shape, Random random)
    {
        var positions = shape.Members.SelectMany(m => new[] { m.Start, m.ValueStart, m.End }).Append(0).Append(bytes.Length).ToList();
        var at = positions[random.Next(positions.Count)];
        return Splice(bytes, at, at, Whitespace[random.Next(Whitespace.Length)]);
    }

    private static byte[]? Reorder(byte[] bytes, Shape shape, Random random)
    {
        var objects = shape.Objects.Where(o => o.Count >= 2).ToList();
        if (Pick(objects, random) is not { } members)
        {
            return null;
        }

        var i = random.Next(members.Count - 1);
        var (first, second) = (members[i], members[i + 1]);
        var a = bytes.AsSpan(first.Start, first.End - first.Start);
        var b = bytes.AsSpan(second.Start, second.End - second.Start);
        return Splice(bytes, first.Start, second.End, [.. b, (byte)',', .. a]);
    }

    private static byte[]? Duplicate(byte[] bytes, Shape shape, Random random)
    {
        if (Pick(shape.Members, random) is not { } member)
        {
            return null;
        }

        return Splice(bytes, member.End, member.End, [(byte)',', .. bytes.AsSpan(member.Start, member.End - member.Start)]);
    }

    private static byte[]? Delete(byte[] bytes, Shape shape, Random random)
    {
        var objects = shape.Objects.Where(o => o.Count > 0).ToList();
        if (Pick(objects, random) is not { } members)
        {
            return null;
        }

        var i = random.Next(members.Count);
        return members.Count == 1 ? Splice(bytes, members[i].Start, members[i].End, string.Empty)
            : i == 0 ? Splice(bytes, members[0].Start, members[1].Start, string.Empty)
            : Splice(bytes, members[i - 1].End, members[i].End, string.Empty);
    }

    private static byte[]? Replace(byte[] bytes, Shape shape, Random random)
    {
        if (random.Next(3) == 0 && Pick(shape.Members, random) is { } from)
        {
            // Another member's value: often right in type, wrong in content.
            return ReplaceValue(bytes, shape, random, Encoding.UTF8.GetString(bytes.AsSpan(from.ValueStart, from.End - from.ValueStart)));
        }

        return ReplaceValue(bytes, shape, random, Replacements[random.Next(Replacements.Length)]);
    }

    private static byte[]? ReplaceValue(byte[] bytes, Shape shape, Random random, string value) =>
        Pick(shape.Members, random) is { } member ? Splice(bytes, member.ValueStart, member.End, value) : null;

    /// <summary>Writes one character of a string (or a member name) differently: \u0061 for 'a', \/ for '/'.</summary>
    private static byte[]? ReEscape(byte[] bytes, Shape shape, Random random, bool names)
    {
        var candidates = shape.Strings.Where(s => s.IsName == names && !s.Escaped && s.End > s.Start).ToList();
        if (Pick(candidates, random) is not { } text)
        {
            return null;
        }

        var at = text.Start + random.Next(text.End - text.Start);
        var c = bytes[at];
        if (c >= 0x80)
        {
            return null;
        }

        var escape = c == (byte)'/' && random.Next(2) == 0 ? "\\/" : random.Next(2) == 0 ? $"\\u{c:x4}" : $"\\u{c:X4}";
        return Splice(bytes, at, at + 1, escape);
    }

    private static byte[]? NumberForm(byte[] bytes, Shape shape, Random random)
    {
        var numbers = shape.Members.Where(m => bytes[m.ValueStart] is (byte)'-' or (>= (byte)'0' and <= (byte)'9')).ToList();
        if (Pick(numbers, random) is not { } number)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes.AsSpan(number.ValueStart, number.End - number.ValueStart));
        var written = random.Next(6) switch
        {
            0 => text + ".0",
            1 => text + "e0",
            2 => text + "E+0",
            3 => "0" + text,
            4 => "1e400",
            _ => text + "0e-1",
        };
        return Splice(bytes, number.ValueStart, number.End, written);
    }

    private static byte[]? OtherInteger(byte[] bytes, Shape shape, Random random)
    {
        var numbers = shape.Members.Where(m => bytes[m.ValueStart] is (byte)'-' or (>= (byte)'0' and <= (byte)'9')).ToList();
        return Pick(numbers, random) is { } number ? Splice(bytes, number.ValueStart, number.End, random.Next(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    private static byte[]? InsertInString(byte[] bytes, Shape shape, Random random, ReadOnlySpan<byte> insert)
    {
        var strings = shape.Strings.Where(s => !s.IsName && !s.Escaped).ToList();
        if (Pick(strings, random) is not { } text)
        {
            return null;
        }

        var at = text.Start + random.Next(text.End - text.Start + 1);
        return Splice(bytes, at, at, insert);
    }

    private static byte[]? AddMember(byte[] bytes, Shape shape, Random random)
    {
        var objects = shape.Objects.Where(o => o.Count > 0).ToList();
        if (Pick(objects, random) is not { } members)
        {
            return null;
        }

        // "zz" sorts after every member name the writer uses, so the body may stay canonical.
        var last = members[^1];
        return Splice(bytes, last.End, last.End, random.Next(2) == 0 ? ",\"zz\":1" : ",\"zz\":{\"a\":[true,null]}");
    }

    /// <summary>A member: where its name starts, where its value starts, and where it ends.</summary>
    private sealed record Member(int Start, int ValueStart, int End);

    /// <summary>A string or name: where its content starts and ends (without quotes).</summary>
    private sealed record Text(int Start, int End, bool Escaped, bool IsName);

    private sealed class Shape
    {
        public List<List<Member>> Objects { get; } = [];

        public List<Member> Members { get; } = [];

        public List<Text> Strings { get; } = [];

        public static Shape Of(byte[] json)
        {
            var shape = new Shape();
            var reader = new Utf8JsonReader(json);
            reader.Read();
            shape.Value(ref reader);
            return shape;
        }

        private void Value(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Object(ref reader);
                    break;
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        Value(ref reader);
                    }

                    break;
                case JsonTokenType.String:
                    Strings.Add(new Text((int)reader.TokenStartIndex + 1, (int)reader.BytesConsumed - 1, reader.ValueIsEscaped, IsName: false));
                    break;
            }
        }

        private void Object(ref Utf8JsonReader reader)
        {
            var members = new List<Member>();
            Objects.Add(members);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                Strings.Add(new Text(start + 1, start + 1 + reader.ValueSpan.Length, reader.ValueIsEscaped, IsName: true));
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                Value(ref reader);
                var member = new Member(start, valueStart, (int)reader.BytesConsumed);
                members.Add(member);
                Members.Add(member);
            }
        }
    }
}
