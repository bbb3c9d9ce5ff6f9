import { describe, expect, it } from 'vitest';
import { answerFor, parseScript } from '../../electron/core/receiver/script';

const answers = (text: string, count: number) => Array.from({ length: count }, (_, n) => answerFor(parseScript(text), n));

describe('built-in receiver scripts', () => {
  it('answers a sequence one step per request, the last step repeating', () => {
    expect(answers('500, 500,200', 5).map((answer) => answer.status)).toEqual([500, 500, 200, 200, 200]);
    expect(answers('500,500,200', 5).map((answer) => answer.step)).toEqual([1, 2, 3, 3, 3]);
  });

  it('sleeps before answering, past Logto’s timeout when asked', () => {
    expect(answers('sleep 11s', 1)[0]).toEqual({ status: 200, delayMs: 11_000, step: 1 });
    expect(answers('sleep 250ms 503', 1)[0]).toEqual({ status: 503, delayMs: 250, step: 1 });
  });

  it('fails a repeatable share of requests for a seed', () => {
    const first = answers('fail 30% seed 7', 1000).map((answer) => answer.status);
    const again = answers('fail 30% seed 7', 1000).map((answer) => answer.status);
    const otherSeed = answers('fail 30% seed 8', 1000).map((answer) => answer.status);
    expect(first).toEqual(again);
    expect(first).not.toEqual(otherSeed);
    const failed = first.filter((status) => status === 500).length;
    expect(failed).toBeGreaterThan(250);
    expect(failed).toBeLessThan(350);
    expect(answers('fail 0%', 50).every((answer) => answer.status === 200)).toBe(true);
    expect(answers('fail 100%', 50).every((answer) => answer.status === 500)).toBe(true);
  });

  it.each([
    ['', 'Write at least one answer'],
    ['ok', 'step 1 ("ok") is not an answer'],
    ['200,99', 'step 2 ("99") is not an answer'],
    ['200,700', 'step 2 ("700"): a status is a number from 200 to 599'],
    ['sleep', 'write sleep with a duration'],
    ['sleep 11', 'write sleep with a duration'],
    ['sleep 500s', 'sleep at most 120s'],
    ['fail 130%', 'write a failure rate'],
    ['fail 30% seed x', 'write a failure rate'],
  ])('refuses %j with a message that says what to write', (text, message) => {
    expect(() => parseScript(text)).toThrow(message);
  });
});
