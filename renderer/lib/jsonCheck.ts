/**
 * Where JSON text first goes wrong, as line and column, with what was expected there. Browsers'
 * own JSON.parse messages do not reliably say where; this walks the text once, as the grammar does.
 */
export type JsonProblem = { line: number; column: number; message: string };

export function jsonProblem(text: string): JsonProblem | null {
  let at = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { at });
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const describe = () => (at >= text.length ? 'the end of the text' : `“${text[at]}”`);
  const unexpected = () => (at >= text.length ? 'The text ends in the middle of a value' : `Unexpected ${describe()}`);
  const literal = (word: string) => {
    // Points at the first letter that is not the word's: "tru" ends early, "trie" goes wrong at "i".
    for (const letter of word) {
      if (text[at] !== letter) fail(unexpected());
      at++;
    }
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('A \\u escape needs four hex digits');
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? '')) fail(`${describe()} cannot follow \\ in a string`);
      } else if (text.charCodeAt(at) < 0x20) fail('A line break or control character inside a string must be escaped');
      at++;
    }
    if (at >= text.length) fail('This string is never closed with "');
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail(unexpected());
    at += match![0].length;
  };
  const value = () => {
    space();
    const char = text[at];
    if (char === '{') object();
    else if (char === '[') array();
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail(at >= text.length ? 'A value is missing at the end' : `Unexpected ${describe()}: expected a value`);
  };
  const object = () => {
    at++;
    space();
    if (text[at] === '}') {
      at++;
      return;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail(`Expected a "quoted" property name, found ${describe()}`);
      string();
      space();
      if (text[at] !== ':') fail(`Expected : after the property name, found ${describe()}`);
      at++;
      value();
      space();
      if (text[at] === ',') {
        at++;
        space();
        if (text[at] === '}') fail('A trailing comma is not allowed in JSON');
        continue;
      }
      if (text[at] === '}') {
        at++;
        return;
      }
      fail(`Expected , or } after a property, found ${describe()}`);
    }
  };
  const array = () => {
    at++;
    space();
    if (text[at] === ']') {
      at++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[at] === ',') {
        at++;
        space();
        if (text[at] === ']') fail('A trailing comma is not allowed in JSON');
        continue;
      }
      if (text[at] === ']') {
        at++;
        return;
      }
      fail(`Expected , or ] after an item, found ${describe()}`);
    }
  };

  try {
    value();
    space();
    if (at < text.length) fail(`Unexpected ${describe()} after the end of the JSON`);
    return null;
  } catch (error) {
    const position = (error as { at: number }).at;
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1, message: (error as Error).message };
  }
}
