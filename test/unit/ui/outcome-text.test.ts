import { describe, expect, it } from 'vitest';
import {
  cookieCount,
  deleteAllLabel,
  deleteAllQuestion,
  deleteLabel,
  importOutcomeText,
  keptOutcome,
  notProtectedOutcome,
  protectedQuestion,
  protectionOutcome,
  removeOutcome,
  saveOutcome,
  transferFailedOutcome,
  undoOutcome,
} from '../../../src/ui/outcome-text';
import { cookieNotFoundOutcome } from '../../../src/ui/cookie-jump';
import { makeCookie } from '../fixtures';

const sid = makeCookie({ name: 'sid' });
const three = [makeCookie({ name: 'a' }), makeCookie({ name: 'b' }), makeCookie({ name: 'c' })];
const refused = { name: 'b', domain: 'localhost', path: '/app', reason: 'the browser said no' };

describe('cookieCount', () => {
  it('says "cookie" for one and "cookies" for any other number', () => {
    expect(cookieCount(0)).toBe('0 cookies');
    expect(cookieCount(1)).toBe('1 cookie');
    expect(cookieCount(2)).toBe('2 cookies');
  });
});

describe('delete labels', () => {
  it('names the cookie, or the count and host for Delete all', () => {
    expect(deleteLabel(sid)).toBe('Deleted sid');
    expect(deleteAllLabel(3, 'example.test')).toBe('Deleted all 3 cookies of example.test');
    expect(deleteAllQuestion(3, 'example.test')).toBe('Delete all 3 cookies of example.test? Undo brings them back.');
  });
});

describe('removeOutcome', () => {
  it('offers no Undo when everything asked was protected (Undo would reach an older change)', () => {
    const outcome = removeOutcome([sid], { removed: 0, missing: 0, failed: [], protectedKept: 1 });
    expect(outcome.undoable).toBe(false);
    expect(outcome.error).toBe(false);
  });

  it('names one deleted cookie and says undo brings it back', () => {
    expect(removeOutcome([sid], { removed: 1, missing: 0, failed: [] })).toEqual({
      text: 'Deleted sid. Undo brings it back.',
      error: false,
      // The live region says "Undo available." itself.
      spoken: 'Deleted sid.',
    });
  });

  it('counts several deleted cookies and says undo brings them back', () => {
    expect(removeOutcome(three, { removed: 3, missing: 0, failed: [] })).toEqual({
      text: 'Deleted 3 cookies. Undo brings them back.',
      error: false,
      // The live region says "Undo available." itself.
      spoken: 'Deleted 3 cookies.',
    });
  });

  it('says a single cookie was already gone, as an error since nothing was deleted', () => {
    expect(removeOutcome([sid], { removed: 0, missing: 1, failed: [] })).toEqual({
      text: 'sid was already gone.',
      error: true,
    });
  });

  it('counts the cookies already gone next to the ones deleted', () => {
    expect(removeOutcome([...three, sid], { removed: 2, missing: 2, failed: [] })).toEqual({
      text: 'Deleted 2 cookies. Undo brings them back. 2 were already gone.',
      error: false,
      // The live region says "Undo available." itself.
      spoken: 'Deleted 2 cookies. 2 were already gone.',
    });
  });

  it('gives each refused cookie with its reason, as an error', () => {
    expect(removeOutcome(three, { removed: 2, missing: 0, failed: [refused] })).toEqual({
      text: 'Deleted 2 cookies. Undo brings them back. b (localhost/app) could not be deleted: the browser said no',
      error: true,
    });
  });

  it('drops the undo promise when the change came with a warning, and shows the warning as an error', () => {
    expect(removeOutcome([sid], { removed: 1, missing: 0, failed: [], warning: 'The undo journal is full.' })).toEqual({
      text: 'Deleted sid. The undo journal is full.',
      error: true,
    });
  });
});

describe('undoOutcome', () => {
  it('says when there was nothing to undo', () => {
    expect(undoOutcome({ undone: null, problems: [], conflicts: [] })).toEqual({
      text: 'Nothing to undo.',
      error: false,
    });
  });

  it('names what was undone', () => {
    expect(undoOutcome({ undone: 'Deleted sid', problems: [], conflicts: [] })).toEqual({
      text: 'Undone: Deleted sid.',
      error: false,
    });
  });

  it('lists what could not be brought back, as an error', () => {
    expect(
      undoOutcome({ undone: 'Deleted all 3 cookies of x', problems: ['a expired.', 'b was refused.'], conflicts: [] }),
    ).toEqual({
      text: 'Undone: Deleted all 3 cookies of x, except: a expired. b was refused.',
      error: true,
    });
  });

  it('names what the site changed since and offers to restore it anyway', () => {
    const conflict = {
      name: 'sid',
      domain: 'a.test',
      path: '/',
      message: 'sid (a.test/) was set again since, so Undo did not overwrite it.',
    };
    expect(undoOutcome({ undone: 'Deleted sid', problems: [], conflicts: [conflict], conflictEntry: 4 })).toEqual({
      text: 'Undone: Deleted sid, except: sid (a.test/) was set again since, so Undo did not overwrite it.',
      error: true,
      conflictEntry: 4,
    });
    expect(keptOutcome()).toEqual({ text: 'Kept the cookies as they are now.', error: false });
  });
});

describe('saveOutcome', () => {
  it('names the saved cookie', () => {
    expect(saveOutcome({ saved: sid })).toEqual({ text: 'Saved sid.', error: false });
  });

  it('shows a warning instead, as an error', () => {
    expect(saveOutcome({ saved: sid, warning: 'Saved, but undo is not available.' })).toEqual({
      text: 'Saved, but undo is not available.',
      error: true,
    });
  });
});

describe('other outcomes', () => {
  it('says a cookie to jump to is not loaded', () => {
    expect(cookieNotFoundOutcome('sid')).toEqual({
      text: "The cookie sid is not in this page's cookies (any more).",
      error: true,
    });
  });

  it('says which dialog could not load and why', () => {
    expect(transferFailedOutcome('export', new Error('network down'))).toEqual({
      text: 'Could not load export: network down',
      error: true,
    });
    expect(transferFailedOutcome('import', 'offline')).toEqual({ text: 'Could not load import: offline', error: true });
  });
});

describe('plurals in what a delete says', () => {
  it('counts one cookie as one', () => {
    const two = [makeCookie({ name: 'a' }), makeCookie({ name: 'b' })];
    expect(removeOutcome(two, { removed: 1, missing: 1, failed: [] }).text).toBe(
      'Deleted 1 cookie. Undo brings it back. 1 was already gone.',
    );
    expect(deleteAllQuestion(1, 'shop.test')).toBe('Delete the only cookie of shop.test? Undo brings it back.');
    expect(deleteAllLabel(1, 'shop.test')).toBe('Deleted the only cookie of shop.test');
  });
});

describe('protected cookies', () => {
  it('Delete all says how many protected cookies it kept, with Undo to follow', () => {
    const six = [...three, ...three];
    expect(removeOutcome(six, { removed: 5, missing: 0, failed: [], protectedKept: 1 })).toEqual({
      text: 'Deleted 5 cookies · kept 1 protected',
      error: false,
    });
  });

  it('keeping every cookie because all are protected is no error; a refusal still is', () => {
    expect(removeOutcome(three, { removed: 0, missing: 0, failed: [], protectedKept: 3 })).toEqual({
      text: 'Deleted nothing · kept 3 protected',
      error: false,
      undoable: false,
    });
    expect(removeOutcome(three, { removed: 1, missing: 0, failed: [refused], protectedKept: 1 })).toEqual({
      text: 'Deleted 1 cookie · kept 1 protected. b (localhost/app) could not be deleted: the browser said no',
      error: true,
    });
  });

  it('the Delete all question counts only what would go, and says the protected ones stay', () => {
    expect(deleteAllQuestion(6, 'example.test', 1)).toBe(
      'Delete 5 cookies of example.test? The protected one is kept. Undo brings them back.',
    );
    expect(deleteAllQuestion(3, 'example.test', 2)).toBe(
      'Delete 1 cookie of example.test? The 2 protected ones are kept. Undo brings it back.',
    );
    expect(deleteAllQuestion(2, 'example.test', 2)).toBe(
      'Every cookie of example.test is protected: nothing would be deleted.',
    );
    expect(deleteAllQuestion(2, 'example.test', 0)).toBe(deleteAllQuestion(2, 'example.test'));
  });

  it('asks before editing or deleting a protected cookie', () => {
    expect(protectedQuestion('edit', 'sid')).toBe('sid is protected. Edit it anyway?');
    expect(protectedQuestion('delete', 'sid')).toBe('sid is protected. Delete it anyway? Undo brings it back.');
  });

  it('says what Protect and Unprotect did, and when no rule covered the cookie', () => {
    expect(protectionOutcome('sid', true)).toEqual({
      text: 'Protected sid: Delete all and imports leave it alone.',
      error: false,
    });
    expect(protectionOutcome('sid', false)).toEqual({ text: 'Unprotected sid.', error: false });
    expect(protectionOutcome('sid', false, 2).text).toBe(
      'Unprotected sid (2 rules covered it; others they covered are unprotected too).',
    );
    expect(notProtectedOutcome('sid', 'example.test')).toEqual({
      text: 'No protection rule of example.test covers sid.',
      error: true,
    });
  });

  it("an import's outcome counts what it wrote, each refusal, and the protected cookies it left as they were", () => {
    expect(importOutcomeText({ written: 2, failed: [] })).toBe('Imported 2 cookies.');
    expect(importOutcomeText({ written: 1, failed: [refused], protectedKept: 1 })).toBe(
      'Imported 1 cookie. b (localhost/app) was refused: the browser said no Kept 1 protected cookie as it was.',
    );
    expect(importOutcomeText({ written: 0, failed: [], protectedKept: 2 })).toBe(
      'Imported 0 cookies. Kept 2 protected cookies as they were.',
    );
  });
});
