import type { Writable } from 'node:stream';
import { styleText } from 'node:util';
import { displayWidth, escapeControls, padDisplay, safeJson } from './text';

/** A stream as the command line sees it: a terminal or not. */
export type OutStream = Writable & { isTTY?: boolean };

export type Style = 'red' | 'green' | 'yellow' | 'dim' | 'bold';

/**
 * Writes text pieces to a stream, waiting when it is full, so a large export never piles up in memory.
 * Stops when the stream is gone (the reader of a pipe quit, as `| head` does): what it failed with
 * is told where the stream's errors are handled.
 */
export async function writeAll(out: Writable, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (out.destroyed) return;
    if (!out.write(piece)) await drainedOrGone(out);
  }
}

function drainedOrGone(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Colour only where the stream shows it: styleText (Node ≥ 22.13) checks the stream it is given
 * and leaves text plain when it is not a terminal or NO_COLOR / NODE_DISABLE_COLORS is set.
 */
export function paint(style: Style, text: string, stream: OutStream): string {
  return styleText(style, text, { stream });
}

/**
 * A plain text table: columns padded to the widest cell by display width, every cell escaped.
 * `style` may colour a cell; it is applied after padding so escapes never count as width.
 */
export function table(
  header: string[],
  rows: string[][],
  style: (column: number, cell: string) => Style | null = () => null,
  stream?: OutStream,
): string {
  const shown = rows.map((row) => row.map((cell) => escapeControls(cell)));
  // Folded, not spread into Math.max: a list of a few hundred thousand rows would overflow the stack.
  const widths = header.map((title, column) =>
    shown.reduce((widest, row) => Math.max(widest, displayWidth(row[column]!)), displayWidth(title)),
  );
  const line = (cells: string[], raw: string[] | null) =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : padDisplay(cell, widths[column]!);
        const chosen = raw && stream ? style(column, raw[column]!) : null;
        return chosen && stream ? paint(chosen, cell, stream) + padded.slice(cell.length) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(header, null), ...shown.map((cells, index) => line(cells, rows[index]!))].join('\n');
}

/** What a command prints: results on stdout, messages on stderr, both escaped. */
export class Output {
  constructor(
    readonly stdout: OutStream,
    readonly stderr: OutStream,
  ) {}

  print(text: string): void {
    this.stdout.write(`${escapeControls(text, { keepNewlines: true })}\n`);
  }

  json(value: unknown): void {
    this.stdout.write(`${safeJson(value)}\n`);
  }

  table(header: string[], rows: string[][], style?: (column: number, cell: string) => Style | null): void {
    this.stdout.write(`${table(header, rows, style, this.stdout)}\n`);
  }

  /** A line on stderr, beside the results on stdout. */
  say(text: string): void {
    this.stderr.write(`${escapeControls(text, { keepNewlines: true })}\n`);
  }

  /** A message for the person at the terminal, beside the results: "hookbench: …" on stderr. */
  note(text: string): void {
    this.stderr.write(`hookbench: ${escapeControls(text, { keepNewlines: true })}\n`);
  }

  error(text: string): void {
    this.stderr.write(`${paint('red', 'hookbench:', this.stderr)} ${escapeControls(text, { keepNewlines: true })}\n`);
  }
}
