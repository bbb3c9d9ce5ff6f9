import { describe, expect, it } from 'vitest';
import { jsonProblem } from '../../renderer/lib/jsonCheck';

describe('the trigger payload draft', () => {
  it('accepts any JSON and points at the first mistake by line and column', () => {
    for (const ok of ['{}', '{"a":[1,2.5,-3e4,true,false,null,"x\\n\\u00e9"]}', ' [ ] ']) expect(jsonProblem(ok)).toBeNull();
    expect(jsonProblem('{\n  "a": 1,\n  "b": x\n}')).toEqual({ line: 3, column: 8, message: 'Unexpected “x”: expected a value' });
    expect(jsonProblem('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1, message: 'A trailing comma is not allowed in JSON' });
    expect(jsonProblem('{"a" 1}')).toMatchObject({ line: 1, column: 6 });
    expect(jsonProblem('')).toMatchObject({ line: 1, column: 1 });
  });
});
