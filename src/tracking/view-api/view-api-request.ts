import { z } from 'zod';
import { SOURCES } from '@contracts/settings';
import { parseWith, type Parsed } from '../../core/parse';
import { isoTime } from '../rules/event-time';

export const MAX_VIEWS_PER_REQUEST = 100;
export const MAX_BODY_BYTES = 256 * 1024;
/**
 * Reported views may be late (batching tools), but only within the window in which the blocking time
 * can still recognise a retried report: a resent view is then always a duplicate, never a new one.
 */
export const MAX_REPORTED_AGE_MS = 15 * 60_000;
const CLOCK_SKEW_MS = 60_000;
/**
 * Atlassian account ids: 24 hex digits, or the older `<number>:<uuid>`, or a portal customer's
 * `qm:<uuid>:<uuid>`. Whether Confluence knows the account is checked afterwards (view-api-views.ts).
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const ACCOUNT_ID = new RegExp(`^(?:[0-9a-f]{24}|\\d{1,10}:${UUID}|qm:${UUID}:${UUID})$`, 'i');

const reportedView = z.object({
  contentId: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/, 'Not a content id')),
  /** Omitted for anonymous visitors. */
  accountId: z.string().regex(ACCOUNT_ID, 'Not an Atlassian account id').optional(),
  /** Required: the view's own time is what makes a retried request idempotent. */
  at: isoTime,
  source: z.enum(SOURCES),
}).strict();

const requestBody = z.object({ views: z.array(reportedView).min(1).max(MAX_VIEWS_PER_REQUEST) }).strict();

export interface ReportedView {
  contentId: string;
  accountId: string | null;
  at: number;
  source: (typeof SOURCES)[number];
}

/** Parses the view API's JSON body; times are checked against `now` so a tool cannot backfill history. */
export function parseViewApiBody(body: string, now: number): Parsed<ReportedView[]> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: 'The body is not valid JSON', fieldErrors: { '(root)': 'Not valid JSON' } };
  }
  const parsed = parseWith(requestBody, json);
  if (!parsed.ok) return parsed;
  const fieldErrors: Record<string, string> = {};
  const views = parsed.value.views.map((view, index) => {
    const at = Date.parse(view.at);
    if (at > now + CLOCK_SKEW_MS) fieldErrors[`views.${index}.at`] = 'Lies in the future';
    if (at < now - MAX_REPORTED_AGE_MS) fieldErrors[`views.${index}.at`] = 'Older than 15 minutes';
    return { contentId: view.contentId, accountId: view.accountId ?? null, at, source: view.source };
  });
  const first = Object.entries(fieldErrors)[0];
  return first ? { ok: false, message: `${first[0]}: ${first[1]}`, fieldErrors } : { ok: true, value: views };
}
