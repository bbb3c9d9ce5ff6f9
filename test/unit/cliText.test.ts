import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT_STATUS } from '../../electron/cli/errors';
import { table } from '../../electron/cli/output';
import { Progress } from '../../electron/cli/progress';
import { displayWidth, escapeControls, safeJson } from '../../electron/cli/text';

/** Characters a terminal would act on, left raw in the text (line feeds aside). */
const rawControls = (text: string) =>
  [...text].filter((char) => char !== '\n' && (char < ' ' || (char >= '\x7f' && char <= '\x9f') || char === '\u202e'));

describe('displayWidth', () => {
  it('counts the columns a terminal gives each character', () => {
    expect(displayWidth('CRM sync')).toBe(8);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('한글')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('Zoë\u0308')).toBe(3);
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('🇯🇵')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('')).toBe(0);
  });
});

describe('table', () => {
  it('lines columns up by display width, not by UTF-16 length', () => {
    const lines = table(
      ['NAME', 'URL'],
      [
        ['日本語フック', 'http://a'],
        ['🚀 launch', 'http://b'],
        ['plain', 'http://c'],
      ],
    ).split('\n');
    const urlColumn = lines.map((line) => displayWidth(line.slice(0, line.indexOf(line.includes('URL') ? 'URL' : 'http'))));
    expect(new Set(urlColumn).size).toBe(1);
  });

  it('escapes control characters in cells', () => {
    const shown = table(['NAME'], [['Evil\x1b]0;pwned\x07']]);
    expect(shown).toContain('Evil\\x1b]0;pwned\\x07');
    expect(rawControls(shown)).toEqual([]);
  });
});

describe('escapeControls', () => {
  it('shows what would act on the terminal as escapes', () => {
    expect(escapeControls('a\x1b[2Jb\x07c\x00\x7f\x9b')).toBe('a\\x1b[2Jb\\x07c\\x00\\x7f\\x9b');
    expect(escapeControls('tab\there\r\nnext')).toBe('tab\\there\\r\\nnext');
    expect(escapeControls('line\nnext\x1b', { keepNewlines: true })).toBe('line\nnext\\x1b');
    expect(escapeControls('abc\u202Edcba')).toBe('abc\\u{202e}dcba');
    expect(escapeControls('日本語 é 🚀')).toBe('日本語 é 🚀');
  });

  it('leaves JSON the same value, with nothing a terminal acts on', () => {
    const value = { name: 'x\x1by\x9bz\u202e', list: [1] };
    const text = safeJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(rawControls(text)).toEqual([]);
  });
});

describe('exit statuses', () => {
  it('send bad input and unknown names to 2, storage to 3, internal faults to 4', () => {
    expect(EXIT_STATUS).toEqual({ invalid_input: 2, not_found: 2, conflict: 2, forbidden: 2, storage: 3, internal: 4 });
  });
});

describe('progress', () => {
  const capture = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY });
    let written = '';
    stream.on('data', (chunk) => (written += chunk));
    return { stream, written: () => written };
  };

  it('rewrites one line on a terminal and clears it at the end', () => {
    const { stream, written } = capture(true);
    const progress = new Progress(stream);
    progress.show('1 of 2 finished…');
    progress.show('2 of 2 finished…');
    progress.done();
    expect(written()).toBe('\r\x1b[2K1 of 2 finished…\r\x1b[2K2 of 2 finished…\r\x1b[2K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = capture(false);
    const progress = new Progress(stream);
    progress.show('1 of 2 finished…');
    progress.done();
    expect(written()).toBe('');
  });
});
