/**
 * Text as a terminal shows it: how many columns it takes, and escapes for the characters that
 * would act on the terminal instead of being shown (a hook named "\x1b]0;pwned\x07" rewrites the
 * window title when printed raw). Names, receiver bodies and error text pass through here.
 */

/** C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a line shows. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, less the line feed
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(char: string): string {
  const code = char.codePointAt(0)!;
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/** Shows control characters as escapes (`\x1b`, `\x07`, `\n`); `keepNewlines` for multi-line messages. */
export function escapeControls(text: string, { keepNewlines = false } = {}): string {
  return text.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, escapeOne);
}

/** What JSON.stringify leaves raw inside strings (it escapes C0 controls itself): DEL, C1 controls, bidi overrides. */
const RAW_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON with every character a terminal could act on written as a \u escape: the same value, safe to print. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F, grouped by block). */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\u{fe0f}|\p{Regional_Indicator}/u;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns one user-perceived character takes: 0 (marks, joiners), 2 (wide scripts, emoji) or 1. */
function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (EMOJI.test(grapheme)) return 2;
  const first = grapheme.codePointAt(0)!;
  return WIDE.some(([from, to]) => first >= from && first <= to) ? 2 : 1;
}

/** How many terminal columns the text takes: "日本" is 4, "é" written as e + U+0301 is 1, "👩‍💻" is 2. */
export function displayWidth(text: string): number {
  // Most cells (ids, URLs, counts) are printable ASCII, one column a character: no need to segment.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Pads with spaces to a display width (String.padEnd counts UTF-16 units, which misaligns CJK and emoji). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
