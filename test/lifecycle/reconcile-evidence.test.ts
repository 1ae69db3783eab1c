import { attachmentGone, reconcileVerdict } from '../../src/lifecycle/rules/reconcile-evidence';

describe('the reconciliation pass acts only on evidence', () => {
  it('keeps content Confluence does not answer for (gone or not visible to the app), whatever its status', () => {
    expect(reconcileVerdict({ status: 'current' }, 'not-answered')).toEqual({ kind: 'unseen' });
    expect(reconcileVerdict({ status: 'archived' }, 'not-answered')).toEqual({ kind: 'unseen' });
  });

  it('purges on a deleted status, or when content the app saw in the trash is answered no more', () => {
    expect(reconcileVerdict({ status: 'current' }, 'deleted')).toEqual({ kind: 'purge', evidence: 'deleted-status' });
    expect(reconcileVerdict({ status: 'trashed' }, 'not-answered')).toEqual({ kind: 'purge', evidence: 'left-the-trash' });
  });

  it('applies a status Confluence answers as the lifecycle event that never came, and leaves matching and purged rows alone', () => {
    expect(reconcileVerdict({ status: 'current' }, 'trashed')).toEqual({ kind: 'status', lifecycle: 'trashed' });
    expect(reconcileVerdict({ status: 'current' }, 'archived')).toEqual({ kind: 'status', lifecycle: 'archived' });
    expect(reconcileVerdict({ status: 'trashed' }, 'current')).toEqual({ kind: 'status', lifecycle: 'restored' });
    expect(reconcileVerdict({ status: 'archived' }, 'current')).toEqual({ kind: 'status', lifecycle: 'unarchived' });
    expect(reconcileVerdict({ status: 'current' }, 'current')).toEqual({ kind: 'keep' });
    expect(reconcileVerdict({ status: 'purged' }, 'not-answered')).toEqual({ kind: 'keep' });
  });

  it('an attachment goes only with its page purged on evidence', () => {
    expect(attachmentGone('not-answered', false)).toBe(false);
    expect(attachmentGone('deleted', false)).toBe(true);
    expect(attachmentGone('not-answered', true)).toBe(true);
    expect(attachmentGone('current', false)).toBe(false);
  });
});
