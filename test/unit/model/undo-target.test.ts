import { describe, expect, it } from 'vitest';
import { undoTarget } from '../../../src/model/undo-target';

describe('undoTarget', () => {
  it('is the newest entry that neither failed nor waits on a conflict', () => {
    const entries = [{ id: 3, conflict: true }, { id: 2, stuck: true }, { id: 1 }];
    expect(undoTarget(entries)?.id).toBe(1);
  });

  it('falls back to the newest failed entry, never to a conflict, and to nothing on an empty journal', () => {
    expect(undoTarget([{ id: 3, conflict: true }, { id: 2, stuck: true }])?.id).toBe(2);
    expect(undoTarget([{ id: 3, conflict: true }])).toBeUndefined();
    expect(undoTarget([])).toBeUndefined();
  });
});
