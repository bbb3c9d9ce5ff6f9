/** One token of pretty-printed JSON: a key, a string, a number, or true/false/null. */
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

/** JSON text with keys, strings, numbers and literals coloured; the text itself is unchanged. */
export function JsonHighlight({ text }: { text: string }) {
  const parts: Array<string | { kind: string; text: string; at: number }> = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    const [whole, string, colon, number, literal] = match;
    if (string !== undefined) {
      parts.push({ kind: colon ? 'json-key' : 'json-string', text: string, at });
      if (colon) parts.push(colon);
    } else {
      parts.push({ kind: number !== undefined ? 'json-number' : 'json-literal', text: number ?? literal!, at });
    }
    last = at + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <span key={part.at} className={part.kind}>
            {part.text}
          </span>
        ),
      )}
    </>
  );
}
