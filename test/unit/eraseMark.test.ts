import * as assert from 'node:assert/strict';
import { compareMarks, markTime, nextMark } from '../../src/core/records/eraseMark';

describe('erase marks', () => {
  it('orders marks by time, then id; none comes before any', () => {
    assert.equal(compareMarks('5:b', '5:b'), 0);
    assert.equal(compareMarks('6:a', '5:z'), 1);
    assert.equal(compareMarks('5:a', '5:b'), -1);
    assert.equal(compareMarks(undefined, '0:a'), -1);
    assert.equal(compareMarks('0:a', undefined), 1);
    assert.equal(markTime(undefined), -1);
    assert.equal(markTime('1794819600000:id'), 1794819600000);
  });

  it('makes a later mark even when the clock was set back', () => {
    const first = nextMark(1000, undefined, 'a');
    assert.equal(first, '1000:a');
    const second = nextMark(400, first, 'b');
    assert.equal(compareMarks(second, first), 1);
    assert.equal(nextMark(2000, first, 'c'), '2000:c');
  });
});
