import { MALFORMED_ANSWER, parseEnvelope } from '../../static/shared/api/envelope';
import { isNumber } from '../../static/shared/api/guards';
import { RESULT_GUARDS } from '../../static/shared/api/result-guards';
import { settingsView } from './fixtures';

describe('parseEnvelope', () => {
  it('passes a well-formed success whose data has the right shape', () => {
    expect(parseEnvelope({ ok: true, data: 42 }, isNumber)).toEqual({ ok: true, data: 42 });
  });

  it('turns data of the wrong shape into an internal failure instead of trusting it', () => {
    expect(parseEnvelope({ ok: true, data: '42' }, isNumber)).toEqual({ ok: false, error: MALFORMED_ANSWER });
    expect(parseEnvelope({ ok: true }, isNumber)).toEqual({ ok: false, error: MALFORMED_ANSWER });
  });

  it('rejects answers that are not envelopes at all', () => {
    for (const raw of [undefined, null, 'ok', 42, [], { data: 1 }, { ok: 'true', data: 1 }]) {
      expect(parseEnvelope(raw, isNumber)).toEqual({ ok: false, error: MALFORMED_ANSWER });
    }
  });

  it('keeps a known error code, its message and only the string field errors', () => {
    const raw = { ok: false, error: { code: 'invalid-input', message: 'Check the form', fieldErrors: { blockingTimeMs: 'Too big', bad: 3 } } };
    expect(parseEnvelope(raw, isNumber)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Check the form', fieldErrors: { blockingTimeMs: 'Too big' } },
    });
  });

  it('gives an error without a message a generic one, and an unknown code becomes internal', () => {
    expect(parseEnvelope({ ok: false, error: { code: 'conflict' } }, isNumber)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Something went wrong.' },
    });
    expect(parseEnvelope({ ok: false, error: { code: 'teapot', message: 'x' } }, isNumber)).toEqual({ ok: false, error: MALFORMED_ANSWER });
  });
});

describe('result guards', () => {
  it('accept a complete settings view', () => {
    expect(RESULT_GUARDS.getSettings(settingsView())).toBe(true);
  });

  it('reject a settings view with a wrong field deep inside', () => {
    const view = settingsView();
    expect(RESULT_GUARDS.getSettings({ ...view, settings: { ...view.settings, privacy: { ...view.settings.privacy, mode: 'secret' } } })).toBe(false);
    expect(RESULT_GUARDS.getSettings({ ...view, settings: { ...view.settings, autoTracking: { desktop: true } } })).toBe(false);
    expect(RESULT_GUARDS.getSettings({ ...view, unavailableChannels: [{ channel: 'fax', reason: 'no' }] })).toBe(false);
  });

  it('tell the two shapes of a trackView answer apart', () => {
    expect(RESULT_GUARDS.trackView({ tracked: true, views: 3 })).toBe(true);
    expect(RESULT_GUARDS.trackView({ tracked: false, reason: 'group-excluded', views: 3 })).toBe(true);
    expect(RESULT_GUARDS.trackView({ tracked: false, views: 3 })).toBe(false);
    expect(RESULT_GUARDS.trackView({ tracked: true, views: Number.NaN })).toBe(false);
  });

  it('check the view API answers', () => {
    const status = { configured: true, url: null, createdAt: 1, createdBy: 'acc', hint: 'abcd' };
    expect(RESULT_GUARDS.getViewApi(status)).toBe(true);
    expect(RESULT_GUARDS.rotateViewApiToken({ token: 't', status })).toBe(true);
    expect(RESULT_GUARDS.rotateViewApiToken({ status })).toBe(false);
  });
});
