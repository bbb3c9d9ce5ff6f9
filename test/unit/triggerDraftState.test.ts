import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../renderer/components/TriggerEvent/parsePayload';
import { jsonProblem } from '../../renderer/lib/jsonCheck';

describe('the trigger payload draft', () => {
  it('accepts any JSON and points at the first mistake by line and column', () => {
    for (const ok of ['{}', '{"a":[1,2.5,-3e4,true,false,null,"x\\n\\u00e9"]}', ' [ ] ']) expect(jsonProblem(ok)).toBeNull();
    expect(jsonProblem('{\n  "a": 1,\n  "b": x\n}')).toEqual({ line: 3, column: 8, message: 'Unexpected “x”: expected a value' });
    expect(jsonProblem('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1, message: 'A trailing comma is not allowed in JSON' });
    expect(jsonProblem('{"a" 1}')).toMatchObject({ line: 1, column: 6 });
    expect(jsonProblem('')).toMatchObject({ line: 1, column: 1 });
    // Cut short in a word or a number: said so, not "Unexpected the end of the text".
    expect(jsonProblem('{"a": tru')).toEqual({ line: 1, column: 10, message: 'The text ends in the middle of a value' });
    expect(jsonProblem('{"a": trie}')).toEqual({ line: 1, column: 9, message: 'Unexpected “i”' });
  });

  it('says an empty editor is empty, and how to get the sample back', () => {
    expect(parsePayload(' \n', 'User.Created')).toEqual({
      ok: false,
      error: 'The payload is empty: write a JSON object, or press Reset to sample',
    });
    expect(parsePayload('{"event":"User.Created"}', 'User.Created')).toEqual({ ok: true, value: { event: 'User.Created' } });
  });
});
