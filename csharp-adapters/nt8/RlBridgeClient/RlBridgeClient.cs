// RlBridgeClient: the client end of the NinjaTrader 8 bridge, wire protocol v1 (docs/nt8-protocol.md).
//
// Plain C# with no NinjaTrader dependency and no third-party library: it compiles on .NET Framework 4.8
// (and Mono), in C# 5 syntax, so the same file can be copied next to RlBridgeStrategy.cs into
// Documents\NinjaTrader 8\bin\Custom\Strategies and compiled by NinjaTrader.
//
// Contents:
//   JsonObject / Json    a small JSON reader and writer (objects, arrays, strings, numbers, bools, null),
//                        InvariantCulture numbers, ISO-8601 UTC times ("2026-11-20T14:31:00Z").
//   RlBridgeClient       TCP client: line framing, hello on every (re)connect, request/reply by "id" with
//                        a timeout, heartbeats, reconnect with exponential backoff and jitter, events.
//
// Threads: one connection thread (connect, hello, heartbeats, backoff), one reader thread per connection,
// and one dispatch thread that raises the events in the order the messages arrived. Handlers may call
// Send/Request from the dispatch thread (replies are matched on the reader thread, so this cannot
// deadlock), but a handler that blocks delays the events behind it.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace RlTrading.Bridge
{
    /// <summary>Thrown when text is not valid JSON (or not the JSON object expected).</summary>
    public sealed class JsonException : FormatException
    {
        private readonly int position;

        public JsonException(string message, int position)
            : base(position >= 0 ? message + " (at character " + position + ")" : message)
        {
            this.position = position;
        }

        /// <summary>Index in the text where the problem was found, or -1.</summary>
        public int Position
        {
            get { return position; }
        }
    }

    /// <summary>
    /// A JSON object that keeps its keys in insertion order. Values are null, bool, double (every JSON
    /// number), string, List&lt;object&gt; (arrays) or JsonObject. Set() also accepts int, long, decimal,
    /// float, DateTime (written as ISO-8601 UTC), string arrays and other enumerables.
    /// </summary>
    public sealed class JsonObject : IEnumerable<KeyValuePair<string, object>>
    {
        private readonly List<string> keys = new List<string>();
        private readonly Dictionary<string, object> values = new Dictionary<string, object>(StringComparer.Ordinal);

        /// <summary>Sets a value (replacing one with the same key, which keeps its place); returns this.</summary>
        public JsonObject Set(string key, object value)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
            if (!values.ContainsKey(key))
            {
                keys.Add(key);
            }
            values[key] = value;
            return this;
        }

        /// <summary>Sets a number, or null when it is NaN or infinite (an absent price); returns this.</summary>
        public JsonObject SetPrice(string key, double value)
        {
            return Set(key, double.IsNaN(value) || double.IsInfinity(value) ? null : (object)value);
        }

        public object this[string key]
        {
            get
            {
                object v;
                return key != null && values.TryGetValue(key, out v) ? v : null;
            }
            set { Set(key, value); }
        }

        public int Count
        {
            get { return keys.Count; }
        }

        public IList<string> Keys
        {
            get { return keys.AsReadOnly(); }
        }

        /// <summary>True when the key is present (even with a null value).</summary>
        public bool ContainsKey(string key)
        {
            return key != null && values.ContainsKey(key);
        }

        /// <summary>True when the key is present with a non-null value.</summary>
        public bool Has(string key)
        {
            return this[key] != null;
        }

        public bool Remove(string key)
        {
            if (key == null || !values.Remove(key))
            {
                return false;
            }
            keys.Remove(key);
            return true;
        }

        /// <summary>The message's "type", or null.</summary>
        public string Type
        {
            get { return GetString("type"); }
        }

        /// <summary>The message's "id", or null.</summary>
        public string Id
        {
            get { return GetString("id"); }
        }

        /// <summary>A string value; numbers and bools as their JSON text; null when absent, null or an object/array.</summary>
        public string GetString(string key)
        {
            object v = this[key];
            if (v == null)
            {
                return null;
            }
            string s = v as string;
            if (s != null)
            {
                return s;
            }
            if (v is bool || v is double || v is int || v is long)
            {
                return Json.Serialize(v);
            }
            return null;
        }

        public string GetString(string key, string fallback)
        {
            string s = GetString(key);
            return s ?? fallback;
        }

        /// <summary>A number; null when absent, null, not a number, NaN or infinite.</summary>
        public double? GetNumber(string key)
        {
            object v = this[key];
            double d;
            if (v is double)
            {
                d = (double)v;
            }
            else if (v is int)
            {
                d = (int)v;
            }
            else if (v is long)
            {
                d = (long)v;
            }
            else if (v is decimal)
            {
                d = (double)(decimal)v;
            }
            else if (v is float)
            {
                d = (float)v;
            }
            else
            {
                return null;
            }
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                return null;
            }
            return d;
        }

        public double GetNumber(string key, double fallback)
        {
            double? d = GetNumber(key);
            return d.HasValue ? d.Value : fallback;
        }

        public bool GetBool(string key, bool fallback)
        {
            object v = this[key];
            return v is bool ? (bool)v : fallback;
        }

        /// <summary>An ISO-8601 time as a UTC DateTime; null when absent or not a valid time.</summary>
        public DateTime? GetTime(string key)
        {
            string s = this[key] as string;
            DateTime t;
            if (s != null && Json.TryParseTime(s, out t))
            {
                return t;
            }
            return null;
        }

        public JsonObject GetObject(string key)
        {
            return this[key] as JsonObject;
        }

        public List<object> GetArray(string key)
        {
            return this[key] as List<object>;
        }

        /// <summary>The string elements of an array value (others skipped); null when not an array.</summary>
        public string[] GetStringArray(string key)
        {
            IList list = this[key] as IList;
            if (list == null)
            {
                return null;
            }
            List<string> result = new List<string>(list.Count);
            foreach (object o in list)
            {
                string s = o as string;
                if (s != null)
                {
                    result.Add(s);
                }
            }
            return result.ToArray();
        }

        /// <summary>A shallow copy (nested objects and arrays are shared).</summary>
        public JsonObject Copy()
        {
            JsonObject copy = new JsonObject();
            foreach (string k in keys)
            {
                copy.Set(k, values[k]);
            }
            return copy;
        }

        public string ToJson()
        {
            return Json.Serialize(this);
        }

        public override string ToString()
        {
            return ToJson();
        }

        /// <summary>Parses text that must hold exactly one JSON object.</summary>
        /// <exception cref="JsonException">when it is not valid JSON or not an object</exception>
        public static JsonObject Parse(string text)
        {
            object v = Json.Parse(text);
            JsonObject o = v as JsonObject;
            if (o == null)
            {
                throw new JsonException("expected a JSON object, got " + Json.KindOf(v), -1);
            }
            return o;
        }

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            foreach (string k in keys)
            {
                yield return new KeyValuePair<string, object>(k, values[k]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }
    }

    /// <summary>JSON parsing and writing, and the protocol's time format.</summary>
    public static class Json
    {
        /// <summary>Deepest nesting accepted by the parser (guards the stack).</summary>
        public const int MaxDepth = 128;

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Parses one JSON value (whitespace around it allowed, nothing else).</summary>
        /// <exception cref="JsonException">when the text is not exactly one valid JSON value</exception>
        public static object Parse(string text)
        {
            if (text == null)
            {
                throw new JsonException("no text", -1);
            }
            Parser p = new Parser(text);
            p.SkipWhitespace();
            object value = p.ReadValue(0);
            p.SkipWhitespace();
            if (p.Pos < text.Length)
            {
                throw new JsonException("unexpected text after the JSON value", p.Pos);
            }
            return value;
        }

        /// <summary>Writes a value as compact JSON (one line: control characters in strings are escaped).</summary>
        public static string Serialize(object value)
        {
            StringBuilder sb = new StringBuilder(128);
            Write(sb, value, 0);
            return sb.ToString();
        }

        /// <summary>A number as JSON text, InvariantCulture, shortest round-trip form; "null" for NaN/infinity.</summary>
        public static string FormatNumber(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                return "null";
            }
            if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
            {
                return ((long)d).ToString(CultureInfo.InvariantCulture);
            }
            string s = d.ToString("R", CultureInfo.InvariantCulture);
            double back;
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out back) || back != d)
            {
                s = d.ToString("G17", CultureInfo.InvariantCulture);
            }
            return s;
        }

        /// <summary>
        /// A time as ISO-8601 UTC with "Z": "2026-11-20T14:31:00Z", with milliseconds only when it has
        /// some ("2026-11-20T14:31:00.120Z"). Local times are converted; Unspecified ones are taken as UTC.
        /// </summary>
        public static string FormatTime(DateTime time)
        {
            DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
            long ticksInSecond = utc.Ticks % TimeSpan.TicksPerSecond;
            if (ticksInSecond == 0)
            {
                return utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
            }
            if (ticksInSecond % TimeSpan.TicksPerMillisecond == 0)
            {
                return utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
            }
            return utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Parses an ISO-8601 time: "yyyy-MM-ddTHH:mm:ss", optional fraction (any number of digits; beyond
        /// 100 ns truncated), then "Z" or an offset "+HH:MM"/"-HH:MM". Returns it in UTC.
        /// </summary>
        public static bool TryParseTime(string text, out DateTime utc)
        {
            utc = default(DateTime);
            if (text == null || text.Length < 20)
            {
                return false;
            }
            int year, month, day, hour, minute, second;
            if (!Digits(text, 0, 4, out year) || text[4] != '-' || !Digits(text, 5, 2, out month) || text[7] != '-'
                || !Digits(text, 8, 2, out day) || (text[10] != 'T' && text[10] != 't') || !Digits(text, 11, 2, out hour)
                || text[13] != ':' || !Digits(text, 14, 2, out minute) || text[16] != ':' || !Digits(text, 17, 2, out second))
            {
                return false;
            }
            int i = 19;
            long fractionTicks = 0;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                int start = i;
                long scale = TimeSpan.TicksPerSecond / 10;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    fractionTicks += (text[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == start)
                {
                    return false;
                }
            }
            if (i >= text.Length)
            {
                return false;
            }
            long offsetTicks = 0;
            char z = text[i];
            if (z == 'Z' || z == 'z')
            {
                i++;
            }
            else if (z == '+' || z == '-')
            {
                int oh, om;
                if (i + 6 != text.Length || !Digits(text, i + 1, 2, out oh) || text[i + 3] != ':' || !Digits(text, i + 4, 2, out om)
                    || oh > 23 || om > 59)
                {
                    return false;
                }
                offsetTicks = (oh * 60L + om) * TimeSpan.TicksPerMinute * (z == '+' ? 1 : -1);
                i += 6;
            }
            else
            {
                return false;
            }
            if (i != text.Length)
            {
                return false;
            }
            if (month < 1 || month > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
                || minute > 59 || second > 59)
            {
                return false;
            }
            try
            {
                DateTime local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
                utc = local.AddTicks(-offsetTicks);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
        public static long ToUnixMillis(DateTime time)
        {
            DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
            return (utc.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;
        }

        internal static string KindOf(object v)
        {
            if (v == null)
            {
                return "null";
            }
            if (v is JsonObject)
            {
                return "an object";
            }
            if (v is List<object>)
            {
                return "an array";
            }
            if (v is string)
            {
                return "a string";
            }
            if (v is bool)
            {
                return "a boolean";
            }
            return "a number";
        }

        private static bool Digits(string s, int from, int count, out int value)
        {
            value = 0;
            if (from + count > s.Length)
            {
                return false;
            }
            for (int i = from; i < from + count; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            return true;
        }

        private static void Write(StringBuilder sb, object value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidOperationException("JSON value nested deeper than " + MaxDepth);
            }
            if (value == null)
            {
                sb.Append("null");
                return;
            }
            string s = value as string;
            if (s != null)
            {
                WriteString(sb, s);
                return;
            }
            if (value is bool)
            {
                sb.Append((bool)value ? "true" : "false");
                return;
            }
            if (value is double)
            {
                sb.Append(FormatNumber((double)value));
                return;
            }
            if (value is float)
            {
                sb.Append(FormatNumber((float)value));
                return;
            }
            if (value is int || value is long || value is short || value is byte || value is sbyte || value is ushort
                || value is uint || value is ulong)
            {
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }
            if (value is decimal)
            {
                sb.Append(((decimal)value).ToString(CultureInfo.InvariantCulture));
                return;
            }
            if (value is DateTime)
            {
                WriteString(sb, FormatTime((DateTime)value));
                return;
            }
            if (value is char)
            {
                WriteString(sb, value.ToString());
                return;
            }
            if (value is Enum)
            {
                WriteString(sb, value.ToString());
                return;
            }
            JsonObject o = value as JsonObject;
            if (o != null)
            {
                sb.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object> e in o)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    WriteString(sb, e.Key);
                    sb.Append(':');
                    Write(sb, e.Value, depth + 1);
                }
                sb.Append('}');
                return;
            }
            IDictionary dict = value as IDictionary;
            if (dict != null)
            {
                sb.Append('{');
                bool first = true;
                foreach (DictionaryEntry e in dict)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    WriteString(sb, Convert.ToString(e.Key, CultureInfo.InvariantCulture));
                    sb.Append(':');
                    Write(sb, e.Value, depth + 1);
                }
                sb.Append('}');
                return;
            }
            IEnumerable list = value as IEnumerable;
            if (list != null)
            {
                sb.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    Write(sb, item, depth + 1);
                }
                sb.Append(']');
                return;
            }
            WriteString(sb, Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        private static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    case '\b':
                        sb.Append("\\b");
                        break;
                    case '\f':
                        sb.Append("\\f");
                        break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u007f')
                        {
                            AppendUnicodeEscape(sb, c);
                        }
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                            {
                                sb.Append(c).Append(s[i + 1]);
                                i++;
                            }
                            else
                            {
                                AppendUnicodeEscape(sb, c); // a lone surrogate: escaped, so the line stays valid UTF-8
                            }
                        }
                        else if (char.IsLowSurrogate(c))
                        {
                            AppendUnicodeEscape(sb, c);
                        }
                        else
                        {
                            sb.Append(c);
                        }
                        break;
                }
            }
            sb.Append('"');
        }

        private static void AppendUnicodeEscape(StringBuilder sb, char c)
        {
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        private sealed class Parser
        {
            private readonly string s;
            internal int Pos;

            internal Parser(string text)
            {
                s = text;
            }

            internal void SkipWhitespace()
            {
                while (Pos < s.Length)
                {
                    char c = s[Pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        Pos++;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            private JsonException Error(string message)
            {
                return new JsonException(message, Pos);
            }

            internal object ReadValue(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw Error("JSON nested deeper than " + MaxDepth);
                }
                if (Pos >= s.Length)
                {
                    throw Error("unexpected end of text, expected a value");
                }
                char c = s[Pos];
                switch (c)
                {
                    case '{':
                        return ReadObject(depth);
                    case '[':
                        return ReadArray(depth);
                    case '"':
                        return ReadString();
                    case 't':
                        Expect("true");
                        return true;
                    case 'f':
                        Expect("false");
                        return false;
                    case 'n':
                        Expect("null");
                        return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return ReadNumber();
                        }
                        throw Error("unexpected character '" + Printable(c) + "'");
                }
            }

            private static string Printable(char c)
            {
                return c < 0x20 ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(s, Pos, word, 0, word.Length) != 0)
                {
                    throw Error("invalid literal, expected '" + word + "'");
                }
                Pos += word.Length;
            }

            private JsonObject ReadObject(int depth)
            {
                JsonObject o = new JsonObject();
                Pos++; // {
                SkipWhitespace();
                if (Pos < s.Length && s[Pos] == '}')
                {
                    Pos++;
                    return o;
                }
                while (true)
                {
                    SkipWhitespace();
                    if (Pos >= s.Length || s[Pos] != '"')
                    {
                        throw Error("expected a quoted key in an object");
                    }
                    string key = ReadString();
                    SkipWhitespace();
                    if (Pos >= s.Length || s[Pos] != ':')
                    {
                        throw Error("expected ':' after an object key");
                    }
                    Pos++;
                    SkipWhitespace();
                    object value = ReadValue(depth + 1);
                    o.Set(key, value); // a repeated key: the last one wins
                    SkipWhitespace();
                    if (Pos >= s.Length)
                    {
                        throw Error("unexpected end of text in an object");
                    }
                    char c = s[Pos++];
                    if (c == '}')
                    {
                        return o;
                    }
                    if (c != ',')
                    {
                        Pos--;
                        throw Error("expected ',' or '}' in an object");
                    }
                }
            }

            private List<object> ReadArray(int depth)
            {
                List<object> list = new List<object>();
                Pos++; // [
                SkipWhitespace();
                if (Pos < s.Length && s[Pos] == ']')
                {
                    Pos++;
                    return list;
                }
                while (true)
                {
                    SkipWhitespace();
                    list.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    if (Pos >= s.Length)
                    {
                        throw Error("unexpected end of text in an array");
                    }
                    char c = s[Pos++];
                    if (c == ']')
                    {
                        return list;
                    }
                    if (c != ',')
                    {
                        Pos--;
                        throw Error("expected ',' or ']' in an array");
                    }
                }
            }

            private string ReadString()
            {
                Pos++; // opening quote
                StringBuilder sb = null;
                int runStart = Pos;
                while (true)
                {
                    if (Pos >= s.Length)
                    {
                        throw Error("unterminated string");
                    }
                    char c = s[Pos];
                    if (c == '"')
                    {
                        string result;
                        if (sb == null)
                        {
                            result = s.Substring(runStart, Pos - runStart);
                        }
                        else
                        {
                            sb.Append(s, runStart, Pos - runStart);
                            result = sb.ToString();
                        }
                        Pos++;
                        return result;
                    }
                    if (c < 0x20)
                    {
                        throw Error("control character in a string (must be escaped)");
                    }
                    if (c != '\\')
                    {
                        Pos++;
                        continue;
                    }
                    if (sb == null)
                    {
                        sb = new StringBuilder();
                    }
                    sb.Append(s, runStart, Pos - runStart);
                    Pos++;
                    if (Pos >= s.Length)
                    {
                        throw Error("unterminated escape in a string");
                    }
                    char e = s[Pos++];
                    switch (e)
                    {
                        case '"':
                            sb.Append('"');
                            break;
                        case '\\':
                            sb.Append('\\');
                            break;
                        case '/':
                            sb.Append('/');
                            break;
                        case 'b':
                            sb.Append('\b');
                            break;
                        case 'f':
                            sb.Append('\f');
                            break;
                        case 'n':
                            sb.Append('\n');
                            break;
                        case 'r':
                            sb.Append('\r');
                            break;
                        case 't':
                            sb.Append('\t');
                            break;
                        case 'u':
                            sb.Append(ReadHex4());
                            break;
                        default:
                            Pos--;
                            throw Error("invalid escape '\\" + Printable(e) + "' in a string");
                    }
                    runStart = Pos;
                }
            }

            private char ReadHex4()
            {
                if (Pos + 4 > s.Length)
                {
                    throw Error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++)
                {
                    char h = s[Pos + i];
                    int d;
                    if (h >= '0' && h <= '9')
                    {
                        d = h - '0';
                    }
                    else if (h >= 'a' && h <= 'f')
                    {
                        d = h - 'a' + 10;
                    }
                    else if (h >= 'A' && h <= 'F')
                    {
                        d = h - 'A' + 10;
                    }
                    else
                    {
                        throw Error("invalid hex digit in a \\u escape");
                    }
                    v = v * 16 + d;
                }
                Pos += 4;
                return (char)v; // surrogate pairs arrive as two escapes and combine in the string
            }

            private double ReadNumber()
            {
                int start = Pos;
                if (s[Pos] == '-')
                {
                    Pos++;
                }
                if (Pos >= s.Length)
                {
                    throw Error("truncated number");
                }
                if (s[Pos] == '0')
                {
                    Pos++;
                }
                else if (s[Pos] >= '1' && s[Pos] <= '9')
                {
                    while (Pos < s.Length && s[Pos] >= '0' && s[Pos] <= '9')
                    {
                        Pos++;
                    }
                }
                else
                {
                    throw Error("invalid number");
                }
                if (Pos < s.Length && s[Pos] == '.')
                {
                    Pos++;
                    int digits = Pos;
                    while (Pos < s.Length && s[Pos] >= '0' && s[Pos] <= '9')
                    {
                        Pos++;
                    }
                    if (Pos == digits)
                    {
                        throw Error("a number needs digits after '.'");
                    }
                }
                if (Pos < s.Length && (s[Pos] == 'e' || s[Pos] == 'E'))
                {
                    Pos++;
                    if (Pos < s.Length && (s[Pos] == '+' || s[Pos] == '-'))
                    {
                        Pos++;
                    }
                    int digits = Pos;
                    while (Pos < s.Length && s[Pos] >= '0' && s[Pos] <= '9')
                    {
                        Pos++;
                    }
                    if (Pos == digits)
                    {
                        throw Error("a number needs digits in its exponent");
                    }
                }
                double d;
                if (!double.TryParse(s.Substring(start, Pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out d)
                    || double.IsInfinity(d))
                {
                    Pos = start;
                    throw Error("number out of range");
                }
                return d;
            }
        }
    }

    /// <summary>Settings of an <see cref="RlBridgeClient"/>. Defaults follow docs/nt8-protocol.md.</summary>
    public sealed class RlBridgeClientOptions
    {
        public RlBridgeClientOptions()
        {
            Host = "127.0.0.1";
            Port = 8888;
            ClientName = "RlBridgeClient 0.1.0";
            Timeframes = new string[0];
            RequestTimeoutMs = 5000;
            HeartbeatMs = 5000;
            InitialBackoffMs = 1000;
            MaxBackoffMs = 30000;
            BackoffJitter = 0.2;
            MaxLineBytes = 1 << 20;
            ConnectTimeoutMs = 5000;
            SendTimeoutMs = 10000;
        }

        /// <summary>The bridge's address; default 127.0.0.1.</summary>
        public string Host { get; set; }

        /// <summary>The bridge's port; default 8888.</summary>
        public int Port { get; set; }

        /// <summary>The shared secret for hello.token, when the bridge has one; null or empty for none.</summary>
        public string Token { get; set; }

        /// <summary>NinjaTrader's instrument name, e.g. "ES 12-26" (required).</summary>
        public string Instrument { get; set; }

        /// <summary>The account name, e.g. "Sim101" (optional).</summary>
        public string Account { get; set; }

        /// <summary>The series the strategy sends, e.g. "1m", "5m", "15m".</summary>
        public string[] Timeframes { get; set; }

        /// <summary>Free text for the server's log.</summary>
        public string ClientName { get; set; }

        /// <summary>Default wait for a reply (Request, and the welcome); default 5000 ms.</summary>
        public int RequestTimeoutMs { get; set; }

        /// <summary>A heartbeat is sent when nothing was sent for this long; default 5000 ms.</summary>
        public int HeartbeatMs { get; set; }

        /// <summary>First wait before reconnecting; doubles up to MaxBackoffMs. Default 1000 ms.</summary>
        public int InitialBackoffMs { get; set; }

        /// <summary>Longest wait between reconnects; default 30000 ms.</summary>
        public int MaxBackoffMs { get; set; }

        /// <summary>Random spread of each wait, as a fraction (0.2 = +/-20 %).</summary>
        public double BackoffJitter { get; set; }

        /// <summary>Longest line read; longer ones are skipped. Default 1 MiB.</summary>
        public int MaxLineBytes { get; set; }

        /// <summary>How long one TCP connect may take; default 5000 ms.</summary>
        public int ConnectTimeoutMs { get; set; }

        /// <summary>A write blocked this long drops the connection; default 10000 ms.</summary>
        public int SendTimeoutMs { get; set; }

        /// <summary>
        /// The connection is dropped (and re-opened) when the server sent nothing for this long; 0 (default)
        /// uses the welcome's idleTimeoutMs (the server heartbeats well within it), or 20000 ms.
        /// </summary>
        public int ServerSilenceMs { get; set; }

        /// <summary>Seed for the backoff jitter (tests); null for a random one.</summary>
        public int? RandomSeed { get; set; }
    }

    /// <summary>A message from the server.</summary>
    public sealed class BridgeMessageEventArgs : EventArgs
    {
        private readonly JsonObject message;
        private readonly bool isReply;

        public BridgeMessageEventArgs(JsonObject message, bool isReply)
        {
            this.message = message;
            this.isReply = isReply;
        }

        public JsonObject Message
        {
            get { return message; }
        }

        /// <summary>True when it answered a request that was still waiting in Request/TryRequest.</summary>
        public bool IsReply
        {
            get { return isReply; }
        }
    }

    public sealed class BridgeDisconnectedEventArgs : EventArgs
    {
        private readonly string reason;

        public BridgeDisconnectedEventArgs(string reason)
        {
            this.reason = reason;
        }

        public string Reason
        {
            get { return reason; }
        }
    }

    public sealed class BridgeLogEventArgs : EventArgs
    {
        private readonly string text;
        private readonly bool isWarning;

        public BridgeLogEventArgs(string text, bool isWarning)
        {
            this.text = text;
            this.isWarning = isWarning;
        }

        public string Text
        {
            get { return text; }
        }

        public bool IsWarning
        {
            get { return isWarning; }
        }
    }

    /// <summary>
    /// The strategy's end of the bridge: connects to the Java server, says hello (again after every
    /// reconnect), answers heartbeat pings, keeps the connection alive with heartbeats, matches replies to
    /// requests by "id", and raises an event per server message. Thread-safe: Send and Request may be
    /// called from any thread.
    /// </summary>
    public sealed class RlBridgeClient : IDisposable
    {
        /// <summary>The protocol version spoken.</summary>
        public const int ProtocolVersion = 1;

        private readonly RlBridgeClientOptions options;
        private readonly object sendLock = new object();
        private readonly object stateLock = new object();
        private readonly object pendingLock = new object();
        private readonly object dispatchLock = new object();
        private readonly Dictionary<string, Pending> pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        private readonly Queue<Action> dispatchQueue = new Queue<Action>();
        private readonly ManualResetEvent stopSignal = new ManualResetEvent(false);
        private readonly ManualResetEvent connectedSignal = new ManualResetEvent(false);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Random random;
        private static long idCounter;

        private Thread connectionThread;
        private Thread dispatchThread;
        private volatile bool running;
        private volatile bool dispatchStopped;
        private volatile Link link; // the current connection, null when none
        private volatile bool welcomed;
        private long lastSentMs;
        private long lastHeardMs;
        private int serverIdleTimeoutMs;
        private volatile string lastDisconnectReason = "";

        private long messagesSent;
        private long messagesReceived;
        private long heartbeatsSent;
        private long heartbeatsReceived;
        private long connects;
        private long reconnects;
        private long connectFailures;
        private long requestTimeouts;
        private long errorsReceived;
        private long parseErrors;
        private long linesTooLong;
        private long sendFailures;

        public RlBridgeClient(RlBridgeClientOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }
            if (string.IsNullOrEmpty(options.Instrument))
            {
                throw new ArgumentException("RlBridgeClientOptions.Instrument is required (NinjaTrader's instrument name, e.g. \"ES 12-26\")");
            }
            if (string.IsNullOrEmpty(options.Host))
            {
                throw new ArgumentException("RlBridgeClientOptions.Host is required");
            }
            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentException("RlBridgeClientOptions.Port must be 1..65535, got " + options.Port);
            }
            if (options.RequestTimeoutMs < 1 || options.HeartbeatMs < 1 || options.InitialBackoffMs < 1
                || options.MaxBackoffMs < options.InitialBackoffMs || options.MaxLineBytes < 1024 || options.ConnectTimeoutMs < 1)
            {
                throw new ArgumentException("RlBridgeClientOptions: timeouts must be positive, MaxBackoffMs >= InitialBackoffMs, MaxLineBytes >= 1024");
            }
            this.options = options;
            random = options.RandomSeed.HasValue ? new Random(options.RandomSeed.Value) : new Random();
        }

        // ---- events (raised on the dispatch thread, in arrival order) ----------------------------------------

        /// <summary>After each welcome (first connect and every reconnect).</summary>
        public event EventHandler Connected;

        /// <summary>When a welcomed connection ends (server closed it, network error, Stop).</summary>
        public event EventHandler<BridgeDisconnectedEventArgs> Disconnected;

        public event EventHandler<BridgeMessageEventArgs> WelcomeReceived;
        public event EventHandler<BridgeMessageEventArgs> OrderReceived;
        public event EventHandler<BridgeMessageEventArgs> CancelReceived;
        public event EventHandler<BridgeMessageEventArgs> SyncRequested;
        public event EventHandler<BridgeMessageEventArgs> ActionResponseReceived;
        public event EventHandler<BridgeMessageEventArgs> ErrorReceived;

        /// <summary>Every message from the server (after the specific event), including heartbeats.</summary>
        public event EventHandler<BridgeMessageEventArgs> MessageReceived;

        /// <summary>Diagnostics; raised synchronously on whichever thread logs, keep handlers quick.</summary>
        public event EventHandler<BridgeLogEventArgs> Log;

        // ---- state and counters ------------------------------------------------------------------------------

        public RlBridgeClientOptions Options
        {
            get { return options; }
        }

        /// <summary>True while a connection is open and the server has answered hello.</summary>
        public bool IsConnected
        {
            get { return welcomed && link != null; }
        }

        public bool IsRunning
        {
            get { return running; }
        }

        /// <summary>The last welcome received, or null.</summary>
        public JsonObject LastWelcome { get; private set; }

        public string LastDisconnectReason
        {
            get { return lastDisconnectReason; }
        }

        public long MessagesSent { get { return Interlocked.Read(ref messagesSent); } }
        public long MessagesReceived { get { return Interlocked.Read(ref messagesReceived); } }
        public long HeartbeatsSent { get { return Interlocked.Read(ref heartbeatsSent); } }
        public long HeartbeatsReceived { get { return Interlocked.Read(ref heartbeatsReceived); } }
        /// <summary>Welcomed connections so far.</summary>
        public long Connects { get { return Interlocked.Read(ref connects); } }
        /// <summary>Welcomed connections after the first one.</summary>
        public long Reconnects { get { return Interlocked.Read(ref reconnects); } }
        public long ConnectFailures { get { return Interlocked.Read(ref connectFailures); } }
        public long RequestTimeouts { get { return Interlocked.Read(ref requestTimeouts); } }
        public long ErrorsReceived { get { return Interlocked.Read(ref errorsReceived); } }
        public long ParseErrors { get { return Interlocked.Read(ref parseErrors); } }
        public long LinesTooLong { get { return Interlocked.Read(ref linesTooLong); } }
        public long SendFailures { get { return Interlocked.Read(ref sendFailures); } }

        // ---- lifecycle ---------------------------------------------------------------------------------------

        /// <summary>Starts connecting in the background (and reconnecting until Stop). Idempotent.</summary>
        public void Start()
        {
            lock (stateLock)
            {
                if (running)
                {
                    return;
                }
                running = true;
                dispatchStopped = false;
                stopSignal.Reset();
                dispatchThread = new Thread(DispatchLoop);
                dispatchThread.IsBackground = true;
                dispatchThread.Name = "RlBridge-dispatch";
                dispatchThread.Start();
                connectionThread = new Thread(ConnectionLoop);
                connectionThread.IsBackground = true;
                connectionThread.Name = "RlBridge-connection";
                connectionThread.Start();
            }
        }

        /// <summary>Closes the connection and stops reconnecting; waits briefly for the threads.</summary>
        public void Stop()
        {
            Thread conn;
            Thread disp;
            lock (stateLock)
            {
                if (!running)
                {
                    return;
                }
                running = false;
                stopSignal.Set();
                conn = connectionThread;
                disp = dispatchThread;
            }
            Link l = link;
            if (l != null)
            {
                l.Close("client stopped");
            }
            if (conn != null && conn != Thread.CurrentThread)
            {
                conn.Join(3000);
            }
            Enqueue(null); // ends the dispatch thread after the events before it
            if (disp != null && disp != Thread.CurrentThread)
            {
                disp.Join(3000);
            }
        }

        public void Dispose()
        {
            Stop();
        }

        /// <summary>Waits until connected (welcomed); false after timeoutMs or when stopped.</summary>
        public bool WaitConnected(int timeoutMs)
        {
            long until = clock.ElapsedMilliseconds + Math.Max(0, timeoutMs);
            while (true)
            {
                if (IsConnected)
                {
                    return true;
                }
                if (!running)
                {
                    return false;
                }
                long left = until - clock.ElapsedMilliseconds;
                if (left <= 0)
                {
                    return false;
                }
                connectedSignal.WaitOne((int)Math.Min(left, 100));
            }
        }

        // ---- sending -----------------------------------------------------------------------------------------

        /// <summary>A new message of the type with "v": 1.</summary>
        public static JsonObject Message(string type)
        {
            return new JsonObject().Set("type", type).Set("v", ProtocolVersion);
        }

        /// <summary>
        /// The SDK symbol of a NinjaTrader instrument name, as the bridge derives it: the root, upper case
        /// ("ES 12-26" to "ES", "SPY" to "SPY").
        /// </summary>
        public static string SymbolOf(string instrument)
        {
            string t = (instrument ?? "").Trim();
            int space = t.IndexOf(' ');
            return (space < 0 ? t : t.Substring(0, space)).ToUpperInvariant();
        }

        /// <summary>True when an order's "instrument" (absent, the SDK symbol or the full name) is this instrument.</summary>
        public static bool IsSameInstrument(string orderInstrument, string instrument)
        {
            return string.IsNullOrEmpty(orderInstrument)
                || string.Equals(orderInstrument.Trim(), (instrument ?? "").Trim(), StringComparison.OrdinalIgnoreCase)
                || SymbolOf(orderInstrument) == SymbolOf(instrument);
        }

        /// <summary>A fresh request id with the prefix, unique in this process ("a17").</summary>
        public static string NextId(string prefix)
        {
            return (prefix ?? "r") + Interlocked.Increment(ref idCounter).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Sends one message (adds "v" when missing). False when there is no open connection or the write
        /// failed (the connection is then dropped and re-opened). Messages sent before the welcome go after
        /// the hello, on the same connection.
        /// </summary>
        public bool Send(JsonObject message)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            if (!message.ContainsKey("v"))
            {
                message.Set("v", ProtocolVersion);
            }
            Link l = link;
            if (l == null)
            {
                return false;
            }
            return SendOn(l, message);
        }

        /// <summary>
        /// Sends a request (an "id" is added when it has none) without waiting; the reply arrives as an
        /// event. Returns the id, or null when it could not be sent.
        /// </summary>
        public string SendRequest(JsonObject message)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            if (message.Id == null)
            {
                message.Set("id", NextId(IdPrefix(message.Type)));
            }
            return Send(message) ? message.Id : null;
        }

        /// <summary>
        /// Sends a request and waits for the message with the same "id" (an "error" reply is returned as
        /// it is: check reply.Type).
        /// </summary>
        /// <exception cref="TimeoutException">no reply within timeoutMs (counted in RequestTimeouts)</exception>
        /// <exception cref="IOException">not connected, or the connection closed while waiting</exception>
        public JsonObject Request(JsonObject message, int timeoutMs)
        {
            JsonObject reply;
            string failure;
            RequestOutcome outcome = DoRequest(message, timeoutMs, out reply, out failure);
            if (outcome == RequestOutcome.Replied)
            {
                return reply;
            }
            if (outcome == RequestOutcome.TimedOut)
            {
                throw new TimeoutException(failure);
            }
            throw new IOException(failure);
        }

        /// <summary>Request with the default timeout (RequestTimeoutMs).</summary>
        public JsonObject Request(JsonObject message)
        {
            return Request(message, options.RequestTimeoutMs);
        }

        /// <summary>Like Request, without exceptions: false on timeout or disconnect (reply is then null).</summary>
        public bool TryRequest(JsonObject message, int timeoutMs, out JsonObject reply)
        {
            string failure;
            return DoRequest(message, timeoutMs, out reply, out failure) == RequestOutcome.Replied;
        }

        /// <summary>
        /// Like TryRequest, telling timeouts (the server did not answer in time) from failures (not
        /// connected, or the connection was lost while waiting).
        /// </summary>
        public RequestOutcome TryRequest(JsonObject message, int timeoutMs, out JsonObject reply, out string failure)
        {
            return DoRequest(message, timeoutMs, out reply, out failure);
        }

        /// <summary>Sends a heartbeat ping and waits for its echo; the round trip, or null.</summary>
        public TimeSpan? Ping(int timeoutMs)
        {
            long start = clock.ElapsedTicks;
            JsonObject reply;
            if (!TryRequest(Message("heartbeat").Set("id", NextId("p")), timeoutMs, out reply))
            {
                return null;
            }
            return TimeSpan.FromSeconds((clock.ElapsedTicks - start) / (double)Stopwatch.Frequency);
        }

        private RequestOutcome DoRequest(JsonObject message, int timeoutMs, out JsonObject reply, out string failure)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            reply = null;
            if (message.Id == null)
            {
                message.Set("id", NextId(IdPrefix(message.Type)));
            }
            if (!message.ContainsKey("v"))
            {
                message.Set("v", ProtocolVersion);
            }
            string id = message.Id;
            Link l = link;
            if (l == null)
            {
                failure = "not connected to the bridge at " + options.Host + ":" + options.Port;
                return RequestOutcome.Failed;
            }
            Pending p = new Pending(id, l);
            lock (pendingLock)
            {
                pending[id] = p;
            }
            try
            {
                if (!SendOn(l, message))
                {
                    failure = "could not send " + message.Type + " " + id + ": the connection is closed";
                    return RequestOutcome.Failed;
                }
                long until = clock.ElapsedMilliseconds + Math.Max(0, timeoutMs);
                lock (p)
                {
                    while (!p.Done)
                    {
                        long left = until - clock.ElapsedMilliseconds;
                        if (left <= 0)
                        {
                            break;
                        }
                        Monitor.Wait(p, (int)Math.Min(left, int.MaxValue));
                    }
                    if (p.Done && p.Reply != null)
                    {
                        reply = p.Reply;
                        failure = null;
                        return RequestOutcome.Replied;
                    }
                    if (p.Done)
                    {
                        failure = p.Failure ?? "the connection closed";
                        return RequestOutcome.Failed;
                    }
                }
                Interlocked.Increment(ref requestTimeouts);
                failure = "no reply to " + message.Type + " " + id + " within " + timeoutMs + " ms";
                return RequestOutcome.TimedOut;
            }
            finally
            {
                lock (pendingLock)
                {
                    Pending current;
                    if (pending.TryGetValue(id, out current) && current == p)
                    {
                        pending.Remove(id);
                    }
                }
            }
        }

        private static string IdPrefix(string type)
        {
            if (type == "action_request")
            {
                return "a";
            }
            if (type == "hello")
            {
                return "h";
            }
            if (type == "heartbeat")
            {
                return "p";
            }
            return "r";
        }

        private bool SendOn(Link l, JsonObject message)
        {
            string text = message.ToJson();
            byte[] bytes = Encoding.UTF8.GetBytes(text + "\n");
            lock (sendLock)
            {
                if (l.Closed)
                {
                    return false;
                }
                try
                {
                    l.Stream.Write(bytes, 0, bytes.Length);
                    l.Stream.Flush();
                }
                catch (Exception e)
                {
                    if (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                    {
                        Interlocked.Increment(ref sendFailures);
                        l.Close("write failed: " + e.Message);
                        return false;
                    }
                    throw;
                }
            }
            Interlocked.Exchange(ref lastSentMs, clock.ElapsedMilliseconds);
            Interlocked.Increment(ref messagesSent);
            return true;
        }

        // ---- the connection thread ---------------------------------------------------------------------------

        private void ConnectionLoop()
        {
            int backoff = options.InitialBackoffMs;
            while (running)
            {
                Link l = null;
                bool wasWelcomed = false;
                string reason = "";
                try
                {
                    l = Open();
                    if (l == null)
                    {
                        reason = lastDisconnectReason;
                    }
                    else
                    {
                        wasWelcomed = Handshake(l);
                        if (wasWelcomed)
                        {
                            backoff = options.InitialBackoffMs;
                            Watch(l);
                        }
                        reason = l.CloseReason ?? "closed";
                    }
                }
                catch (Exception e)
                {
                    reason = e.GetType().Name + ": " + e.Message;
                    Warn("bridge connection failed: " + reason);
                }
                finally
                {
                    if (l != null)
                    {
                        l.Close(reason);
                        TearDown(l, wasWelcomed, reason);
                    }
                }
                if (!running)
                {
                    break;
                }
                int delay = Jitter(backoff);
                Info("reconnecting to " + options.Host + ":" + options.Port + " in " + delay + " ms");
                if (stopSignal.WaitOne(delay))
                {
                    break;
                }
                backoff = (int)Math.Min((long)options.MaxBackoffMs, (long)backoff * 2);
            }
        }

        private int Jitter(int ms)
        {
            double r;
            lock (random)
            {
                r = random.NextDouble();
            }
            double j = Math.Max(0, Math.Min(1, options.BackoffJitter));
            return (int)Math.Max(1, Math.Round(ms * (1 + j * (2 * r - 1))));
        }

        private Link Open()
        {
            TcpClient tcp = new TcpClient();
            try
            {
                tcp.NoDelay = true;
                IAsyncResult ar = tcp.BeginConnect(options.Host, options.Port, null, null);
                bool done = ar.AsyncWaitHandle.WaitOne(options.ConnectTimeoutMs);
                if (!done)
                {
                    throw new IOException("connect timed out after " + options.ConnectTimeoutMs + " ms");
                }
                tcp.EndConnect(ar);
                tcp.SendTimeout = options.SendTimeoutMs;
                NetworkStream stream = tcp.GetStream();
                Link l = new Link(tcp, stream);
                Interlocked.Exchange(ref lastHeardMs, clock.ElapsedMilliseconds);
                Interlocked.Exchange(ref lastSentMs, clock.ElapsedMilliseconds);
                return l;
            }
            catch (Exception e)
            {
                try
                {
                    tcp.Close();
                }
                catch (Exception)
                {
                    // closing anyway
                }
                Interlocked.Increment(ref connectFailures);
                lastDisconnectReason = "cannot connect to " + options.Host + ":" + options.Port + ": " + e.Message;
                Warn(lastDisconnectReason);
                return null;
            }
        }

        /// <summary>Starts the reader, sends hello, waits for the welcome. True when welcomed.</summary>
        private bool Handshake(Link l)
        {
            string helloId = NextId("h");
            l.HelloId = helloId;
            Thread reader = new Thread(delegate() { ReadLoop(l); });
            reader.IsBackground = true;
            reader.Name = "RlBridge-reader";
            l.Reader = reader;
            reader.Start();

            JsonObject hello = Message("hello").Set("id", helloId).Set("instrument", options.Instrument);
            if (!string.IsNullOrEmpty(options.Account))
            {
                hello.Set("account", options.Account);
            }
            if (options.Timeframes != null && options.Timeframes.Length > 0)
            {
                hello.Set("timeframes", options.Timeframes);
            }
            if (!string.IsNullOrEmpty(options.Token))
            {
                hello.Set("token", options.Token);
            }
            if (!string.IsNullOrEmpty(options.ClientName))
            {
                hello.Set("client", options.ClientName);
            }
            lock (sendLock)
            {
                // The hello goes first: the connection is published under the send lock, so another thread
                // that sends on it waits until the hello is written; nothing can arrive before the hello.
                link = l;
                if (!SendOn(l, hello))
                {
                    return false;
                }
            }
            long until = clock.ElapsedMilliseconds + options.RequestTimeoutMs;
            while (running && !l.Closed && !l.Welcomed)
            {
                long left = until - clock.ElapsedMilliseconds;
                if (left <= 0)
                {
                    l.Close("no welcome within " + options.RequestTimeoutMs + " ms");
                    Warn("no welcome from the bridge within " + options.RequestTimeoutMs + " ms");
                    return false;
                }
                l.ClosedOrWelcomed.WaitOne((int)Math.Min(left, 100));
            }
            return l.Welcomed && !l.Closed;
        }

        /// <summary>Heartbeats and liveness while the connection is open.</summary>
        private void Watch(Link l)
        {
            while (running && !l.Closed)
            {
                int heartbeat = EffectiveHeartbeatMs();
                int tick = Math.Max(10, Math.Min(250, heartbeat / 4));
                if (l.ClosedSignal.WaitOne(tick))
                {
                    break;
                }
                long now = clock.ElapsedMilliseconds;
                if (now - Interlocked.Read(ref lastSentMs) >= heartbeat)
                {
                    if (SendOn(l, Message("heartbeat").Set("time", DateTime.UtcNow)))
                    {
                        Interlocked.Increment(ref heartbeatsSent);
                    }
                }
                int silence = options.ServerSilenceMs > 0 ? options.ServerSilenceMs
                    : serverIdleTimeoutMs > 0 ? serverIdleTimeoutMs : 20000;
                long heard = now - Interlocked.Read(ref lastHeardMs);
                if (heard > silence)
                {
                    l.Close("nothing heard from the bridge for " + heard + " ms");
                    Warn("nothing heard from the bridge for " + heard + " ms; reconnecting");
                }
            }
        }

        private int EffectiveHeartbeatMs()
        {
            int hb = options.HeartbeatMs;
            int idle = serverIdleTimeoutMs;
            if (idle > 0 && hb >= idle / 2)
            {
                hb = Math.Max(10, idle / 3); // stay well inside the server's idle timeout
            }
            return hb;
        }

        private void TearDown(Link l, bool wasWelcomed, string reason)
        {
            lock (stateLock)
            {
                if (link == l)
                {
                    link = null;
                    welcomed = false;
                    connectedSignal.Reset();
                }
            }
            lastDisconnectReason = reason;
            List<Pending> failed = new List<Pending>();
            lock (pendingLock)
            {
                foreach (Pending p in pending.Values)
                {
                    if (p.Link == l)
                    {
                        failed.Add(p);
                    }
                }
            }
            foreach (Pending p in failed)
            {
                p.Complete(null, "the connection closed: " + reason);
            }
            Thread reader = l.Reader;
            if (reader != null && reader != Thread.CurrentThread)
            {
                reader.Join(2000);
            }
            if (wasWelcomed)
            {
                Warn("disconnected from the bridge: " + reason);
                Enqueue(delegate
                {
                    EventHandler<BridgeDisconnectedEventArgs> h = Disconnected;
                    if (h != null)
                    {
                        h(this, new BridgeDisconnectedEventArgs(reason));
                    }
                });
            }
        }

        // ---- the reader thread -------------------------------------------------------------------------------

        private void ReadLoop(Link l)
        {
            string reason = "the bridge closed the connection";
            try
            {
                byte[] chunk = new byte[8192];
                byte[] line = new byte[512];
                int lineLen = 0;
                long skipping = 0; // > 0 while discarding an over-long line
                while (!l.Closed)
                {
                    int n = l.Stream.Read(chunk, 0, chunk.Length);
                    if (n <= 0)
                    {
                        break;
                    }
                    int pos = 0;
                    while (pos < n)
                    {
                        int nl = Array.IndexOf(chunk, (byte)'\n', pos, n - pos);
                        int end = nl < 0 ? n : nl;
                        int count = end - pos;
                        if (skipping > 0)
                        {
                            skipping += count;
                        }
                        else if (lineLen + count > options.MaxLineBytes)
                        {
                            skipping = lineLen + count;
                            lineLen = 0;
                            if (line.Length > 65536)
                            {
                                line = new byte[512];
                            }
                        }
                        else
                        {
                            if (lineLen + count > line.Length)
                            {
                                int size = Math.Min(options.MaxLineBytes, Math.Max(lineLen + count, line.Length * 2));
                                byte[] bigger = new byte[size];
                                Buffer.BlockCopy(line, 0, bigger, 0, lineLen);
                                line = bigger;
                            }
                            Buffer.BlockCopy(chunk, pos, line, lineLen, count);
                            lineLen += count;
                        }
                        if (nl < 0)
                        {
                            break;
                        }
                        pos = nl + 1;
                        Interlocked.Exchange(ref lastHeardMs, clock.ElapsedMilliseconds);
                        if (skipping > 0)
                        {
                            Interlocked.Increment(ref linesTooLong);
                            Warn("skipped a line of " + skipping + " bytes from the bridge (limit " + options.MaxLineBytes + ")");
                            SendOn(l, Message("error").Set("code", "line_too_long")
                                .Set("message", "a line of " + skipping + " bytes is over the limit of " + options.MaxLineBytes + "; it was skipped"));
                            skipping = 0;
                            continue;
                        }
                        int len = lineLen;
                        if (len > 0 && line[len - 1] == (byte)'\r')
                        {
                            len--;
                        }
                        lineLen = 0;
                        if (len == 0)
                        {
                            continue; // a blank keep-alive line
                        }
                        string text = Encoding.UTF8.GetString(line, 0, len);
                        HandleLine(l, text);
                    }
                }
            }
            catch (Exception e)
            {
                if (!l.Closed)
                {
                    reason = "read failed: " + e.Message;
                }
            }
            l.Close(reason);
        }

        private void HandleLine(Link l, string text)
        {
            Interlocked.Increment(ref messagesReceived);
            JsonObject m;
            try
            {
                m = JsonObject.Parse(text);
            }
            catch (JsonException e)
            {
                Interlocked.Increment(ref parseErrors);
                Warn("malformed message from the bridge: " + e.Message);
                SendOn(l, Message("error").Set("code", "malformed_json").Set("message", "not a JSON object: " + e.Message));
                return;
            }
            HandleMessage(l, m);
        }

        private void HandleMessage(Link l, JsonObject m)
        {
            string id = m.Id;
            double? v = m.GetNumber("v");
            if (!v.HasValue || v.Value != ProtocolVersion)
            {
                Warn("message with unsupported version from the bridge: " + Shorten(m.ToJson()));
                JsonObject err = Message("error").Set("code", "unsupported_version")
                    .Set("message", "v must be " + ProtocolVersion + ", got " + (m.ContainsKey("v") ? Json.Serialize(m["v"]) : "nothing"));
                if (id != null)
                {
                    err.Set("id", id);
                }
                SendOn(l, err);
                return;
            }
            string type = m.Type ?? "";
            bool isReply = false;
            if (!l.Welcomed && type != "welcome" && type != "heartbeat" && type != "error")
            {
                // Something the server sent before its welcome (it can queue a sync_request first): held,
                // and dispatched right after Connected, so handlers always see Connected first.
                lock (l.Early)
                {
                    if (!l.Welcomed)
                    {
                        l.Early.Add(m);
                        return;
                    }
                }
            }
            switch (type)
            {
                case "heartbeat":
                    Interlocked.Increment(ref heartbeatsReceived);
                    if (id != null && !Complete(id, m))
                    {
                        SendOn(l, Message("heartbeat").Set("id", id)); // a ping: echo it
                    }
                    Dispatch(m, false);
                    return;
                case "welcome":
                    if (id == null || id == l.HelloId)
                    {
                        int idle = (int)m.GetNumber("idleTimeoutMs", 0);
                        serverIdleTimeoutMs = idle > 0 ? idle : 0;
                        LastWelcome = m;
                        lock (stateLock)
                        {
                            if (link == l && !l.Closed)
                            {
                                welcomed = true;
                                l.Welcomed = true;
                            }
                        }
                        long n = Interlocked.Increment(ref connects);
                        if (n > 1)
                        {
                            Interlocked.Increment(ref reconnects);
                        }
                        Info("connected to the bridge at " + options.Host + ":" + options.Port + " (" + m.GetString("connection", "?")
                            + ", symbol " + m.GetString("symbol", "?") + ", session " + m.GetBool("session", false) + ")");
                        Dispatch(m, true);
                        Enqueue(delegate
                        {
                            EventHandler h = Connected;
                            if (h != null)
                            {
                                h(this, EventArgs.Empty);
                            }
                        });
                        List<JsonObject> early;
                        lock (l.Early)
                        {
                            early = new List<JsonObject>(l.Early);
                            l.Early.Clear();
                        }
                        connectedSignal.Set();
                        l.ClosedOrWelcomed.Set();
                        foreach (JsonObject e in early)
                        {
                            HandleMessage(l, e);
                        }
                        return;
                    }
                    Dispatch(m, false);
                    return;
                case "error":
                    Interlocked.Increment(ref errorsReceived);
                    string code = m.GetString("code", "?");
                    Warn("bridge error " + code + ": " + m.GetString("message", ""));
                    isReply = id != null && Complete(id, m);
                    Dispatch(m, isReply);
                    return;
                case "order":
                    Dispatch(m, false);
                    return;
                case "cancel":
                    Dispatch(m, false);
                    return;
                case "sync_request":
                    Dispatch(m, false);
                    return;
                case "action_response":
                    isReply = id != null && Complete(id, m);
                    Dispatch(m, isReply);
                    return;
                default:
                    if (id != null && Complete(id, m))
                    {
                        Dispatch(m, true);
                        return;
                    }
                    Warn("unknown message type from the bridge: " + Shorten(m.ToJson()));
                    JsonObject err = Message("error").Set("code", "unknown_type")
                        .Set("message", type.Length == 0 ? "a message needs a \"type\"" : "unknown message type '" + type + "'");
                    if (id != null)
                    {
                        err.Set("id", id);
                    }
                    SendOn(l, err);
                    Dispatch(m, false);
                    return;
            }
        }

        private static string Shorten(string text)
        {
            return text.Length <= 300 ? text : text.Substring(0, 300) + "...";
        }

        private bool Complete(string id, JsonObject reply)
        {
            Pending p;
            lock (pendingLock)
            {
                if (!pending.TryGetValue(id, out p))
                {
                    return false;
                }
                pending.Remove(id);
            }
            p.Complete(reply, null);
            return true;
        }

        // ---- the dispatch thread -----------------------------------------------------------------------------

        /// <summary>Queues the message's event (by type) and MessageReceived, read when raised.</summary>
        private void Dispatch(JsonObject m, bool isReply)
        {
            string type = m.Type ?? "";
            BridgeMessageEventArgs args = new BridgeMessageEventArgs(m, isReply);
            Enqueue(delegate
            {
                EventHandler<BridgeMessageEventArgs> h = Specific(type);
                if (h != null)
                {
                    h(this, args);
                }
                EventHandler<BridgeMessageEventArgs> all = MessageReceived;
                if (all != null)
                {
                    all(this, args);
                }
            });
        }

        private EventHandler<BridgeMessageEventArgs> Specific(string type)
        {
            switch (type)
            {
                case "welcome":
                    return WelcomeReceived;
                case "order":
                    return OrderReceived;
                case "cancel":
                    return CancelReceived;
                case "sync_request":
                    return SyncRequested;
                case "action_response":
                    return ActionResponseReceived;
                case "error":
                    return ErrorReceived;
                default:
                    return null;
            }
        }

        private void Enqueue(Action action)
        {
            lock (dispatchLock)
            {
                if (dispatchStopped)
                {
                    return;
                }
                if (action == null)
                {
                    dispatchStopped = true;
                }
                dispatchQueue.Enqueue(action);
                Monitor.PulseAll(dispatchLock);
            }
        }

        private void DispatchLoop()
        {
            while (true)
            {
                Action a;
                lock (dispatchLock)
                {
                    while (dispatchQueue.Count == 0)
                    {
                        Monitor.Wait(dispatchLock);
                    }
                    a = dispatchQueue.Dequeue();
                }
                if (a == null)
                {
                    return;
                }
                try
                {
                    a();
                }
                catch (Exception e)
                {
                    Warn("an RlBridgeClient event handler failed: " + e);
                }
            }
        }

        // ---- logging -----------------------------------------------------------------------------------------

        private void Info(string text)
        {
            RaiseLog(text, false);
        }

        private void Warn(string text)
        {
            RaiseLog(text, true);
        }

        private void RaiseLog(string text, bool warning)
        {
            EventHandler<BridgeLogEventArgs> h = Log;
            if (h == null)
            {
                return;
            }
            try
            {
                h(this, new BridgeLogEventArgs(text, warning));
            }
            catch (Exception)
            {
                // a failing logger must not break the connection
            }
        }

        // ---- helpers -----------------------------------------------------------------------------------------

        /// <summary>One TCP connection.</summary>
        private sealed class Link
        {
            internal readonly TcpClient Tcp;
            internal readonly NetworkStream Stream;
            internal readonly ManualResetEvent ClosedSignal = new ManualResetEvent(false);
            internal readonly ManualResetEvent ClosedOrWelcomed = new ManualResetEvent(false);
            internal volatile bool Welcomed;
            internal readonly List<JsonObject> Early = new List<JsonObject>();
            internal volatile string HelloId;
            internal Thread Reader;
            private int closed;
            private volatile string closeReason;

            internal Link(TcpClient tcp, NetworkStream stream)
            {
                Tcp = tcp;
                Stream = stream;
            }

            internal bool Closed
            {
                get { return Thread.VolatileRead(ref closed) != 0; }
            }

            internal string CloseReason
            {
                get { return closeReason; }
            }

            internal void Close(string reason)
            {
                if (Interlocked.Exchange(ref closed, 1) != 0)
                {
                    return;
                }
                closeReason = reason;
                try
                {
                    Tcp.Close();
                }
                catch (Exception)
                {
                    // closing anyway
                }
                ClosedSignal.Set();
                ClosedOrWelcomed.Set();
            }
        }

        /// <summary>A request waiting for its reply.</summary>
        private sealed class Pending
        {
            internal readonly string Id;
            internal readonly Link Link;
            internal bool Done;
            internal JsonObject Reply;
            internal string Failure;

            internal Pending(string id, Link link)
            {
                Id = id;
                Link = link;
            }

            internal void Complete(JsonObject reply, string failure)
            {
                lock (this)
                {
                    if (Done)
                    {
                        return;
                    }
                    Done = true;
                    Reply = reply;
                    Failure = failure;
                    Monitor.PulseAll(this);
                }
            }
        }
    }

    /// <summary>How a request ended.</summary>
    public enum RequestOutcome
    {
        /// <summary>The reply arrived (it may be an "error" message).</summary>
        Replied,

        /// <summary>No reply within the timeout.</summary>
        TimedOut,

        /// <summary>Not connected, or the connection closed while waiting.</summary>
        Failed
    }
}
