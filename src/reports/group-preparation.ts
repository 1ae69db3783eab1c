/**
 * The views a group-filtered report counts, prepared over as many calls as it takes (issue 17: work
 * that cannot finish within one invocation continues in the next, resumably and exactly once).
 *
 * A call first lists the group's members with reach's audience machinery (src/reach/audience.ts: the
 * members kept in KVS between calls, continued by the same scheduled run), then reads the members'
 * views one member at a time until its budget is spent, and stores what it read (storage/
 * group-preparation-store.ts). Until every member is read the answer is `preparing` with progress,
 * never a figure. A group read whole within the first call is answered at once and nothing is stored.
 *
 * Exactly once: a member is read whole or not at all within a step, and the head that marks members
 * read is written after the parts that hold their views. Views that arrive meanwhile: the preparation
 * counts the views recorded up to the time it began (`asOf`, said in the answer), so a view recorded
 * between two calls counts in no member's figures rather than in some members' and not others'.
 */
import { randomBytes } from 'node:crypto';
import type { ReportPreparing } from '@contracts/report-query';
import type { ViewRecord } from '../core/model/rows';
import { addDays, dayMs } from '../core/model/report-periods';
import { registerModuleCache } from '../platform/memory-cache';
import { pseudonymFor } from '../privacy/index';
import { continuePreparingAudiences, loadAudience } from '../reach/index';
import { currentSettings } from '../settings/index';
import {
  deleteGroupPreparations, deletePreparation, openPreparations, PREPARATION_LIFETIME_MS, readPreparation, readPreparedViews, writePreparation, writePreparedViews,
  type PreparationHead, type PreparedView,
} from './storage/group-preparation-store';
import { readViewersViews } from './storage/viewer-views';

/** A group filter reads its members' raw views: at most this many members and views, or a clear answer instead. */
export const MAX_GROUP_MEMBERS = 2_000;
export const MAX_GROUP_VIEWS = 50_000;

export const TOO_MANY_MEMBERS = `Groups of more than ${MAX_GROUP_MEMBERS.toLocaleString('en')} members cannot filter a report: choose a smaller group.`;
const NO_GROUP = 'Confluence knows no such group.';
export const TOO_MANY_VIEWS = `The group's members viewed more than ${MAX_GROUP_VIEWS.toLocaleString('en')} times in this range: too many views for a group filter; narrow the range.`;

/** The members' views of the days asked, ready: account ids again (from the members' pseudonyms). */
export interface PreparedGroupViews {
  state: 'ready';
  members: string[];
  records: ViewRecord[];
  /** Set when prepared over several calls: the views counted are those recorded up to then. */
  asOf: number | null;
}

export type GroupPreparation = PreparedGroupViews | { state: 'preparing'; preparing: ReportPreparing } | { state: 'failed'; message: string };

/** How long one step of the scheduled run reads before it writes its progress (as a resolver call does). */
const BACKGROUND_STEP_MS = 15_000;

/** Steps under way in this function instance: the tiles and the table asked at once share one. */
const running = new Map<string, Promise<GroupPreparation>>();
registerModuleCache(() => running.clear());

const minutes = (at: number) => new Date(at).toISOString().slice(11, 16);

function preparing(stage: 'members' | 'views', done: number, total: number | null, asOf: number): GroupPreparation {
  const message = stage === 'members'
    ? `Listing the group's members from Confluence: ${done.toLocaleString('en')}${total ? ` of about ${total.toLocaleString('en')}` : ''} so far.`
    : `Reading the members' views: ${done.toLocaleString('en')}${total !== null ? ` of ${total.toLocaleString('en')}` : ''} members so far.`;
  return {
    state: 'preparing',
    preparing: { status: 'preparing', progress: { stage, done, total, asOf }, message: `${message} The figures appear once all are read; they count the views recorded up to ${minutes(asOf)} UTC.` },
  };
}

/**
 * The views of a group's members between two days (both included), or how far their preparation
 * got. Each call works until `deadline` (epoch ms, by `clock`) and leaves the rest to the next call
 * or the scheduled run.
 */
export async function prepareGroupViews(groupId: string, from: string, to: string, deadline: number, clock: () => number = Date.now): Promise<GroupPreparation> {
  const key = `${groupId}:${from}:${to}`;
  const under = running.get(key);
  if (under) return under;
  const step = stepPreparation(groupId, from, to, deadline, clock).finally(() => running.delete(key));
  running.set(key, step);
  return step;
}

async function stepPreparation(groupId: string, from: string, to: string, deadline: number, clock: () => number): Promise<GroupPreparation> {
  const now = clock();
  const stored = await readPreparation(groupId, from, to, now);
  if (stored?.failed) return { state: 'failed', message: stored.failed };
  const asOf = stored?.asOf ?? now;
  const base: PreparationHead = stored ?? {
    groupId, from, to, asOf, expiresAt: asOf + PREPARATION_LIFETIME_MS, stage: 'members', listed: 0, members: null,
    done: [], parts: [], views: 0, complete: false, failed: null, busyUntil: 0,
  };
  // Another call is reading these members now: its progress, rather than the same reads twice.
  if (stored && !stored.complete && stored.busyUntil > now) {
    return stored.stage === 'members' ? preparing('members', stored.listed, stored.members, asOf) : preparing('views', stored.done.length, stored.members, asOf);
  }

  const audience = await loadAudience({ kind: 'group', groupId }, now, clock);
  // Listing a group fails for an unknown group or one beyond reach's bound (larger than a report's).
  if (audience.state === 'failed') return { state: 'failed', message: audience.message === NO_GROUP ? NO_GROUP : TOO_MANY_MEMBERS };
  if (audience.state === 'preparing' && (audience.total ?? 0) > MAX_GROUP_MEMBERS) return fail(base, Boolean(stored), TOO_MANY_MEMBERS);
  if (audience.state === 'preparing') {
    // Kept so that the scheduled run goes on to the views once the members are listed.
    await writePreparation({ ...base, stage: 'members', listed: audience.listed, members: audience.total });
    return preparing('members', audience.listed, audience.total, asOf);
  }
  const members = [...new Set(audience.members.map((member) => member.accountId))].sort();
  if (members.length > MAX_GROUP_MEMBERS) return fail(base, Boolean(stored), TOO_MANY_MEMBERS);
  const pseudonyms = new Map<string, string>();
  for (const id of members) pseudonyms.set(id, await pseudonymFor(id, asOf, now));

  const done = new Set(base.done);
  // A member who joined since is read too (as of the same time); one who left no longer counts.
  const todo = members.filter((id) => !done.has(pseudonyms.get(id)!));
  if (stored && todo.length === 0) {
    if (!stored.complete) await writePreparation({ ...stored, complete: true, busyUntil: 0 });
    return ready({ ...stored, complete: true }, members, pseudonyms);
  }
  if (stored && todo.length > 0) await writePreparation({ ...base, busyUntil: deadline });
  const fromMs = dayMs(from);
  const toMs = Math.min(dayMs(addDays(to, 1)), asOf + 1);
  const read = await readViewersViews(todo, fromMs, toMs, MAX_GROUP_VIEWS - base.views, deadline, clock, (record) => record.recordedAt <= asOf && record.at <= asOf, true);
  if (read.stopped === 'too-many-views') return fail(base, Boolean(stored), TOO_MANY_VIEWS);
  const complete = read.byViewer.size === todo.length;
  if (complete && !stored) {
    // Read whole within one call: answered at once, nothing stored.
    return { state: 'ready', members, records: todo.flatMap((id) => read.byViewer.get(id)!), asOf: null };
  }
  const fresh: PreparedView[] = [];
  for (const [id, records] of read.byViewer) {
    const viewer = pseudonyms.get(id)!;
    for (const record of records) fresh.push({ viewer, contentId: record.contentId, spaceKey: record.spaceKey, contentType: record.contentType, at: record.at, source: record.source });
  }
  const parts = await writePreparedViews(base, randomBytes(6).toString('hex'), fresh);
  const next: PreparationHead = {
    ...base, stage: 'views', members: members.length, listed: members.length,
    done: [...base.done, ...[...read.byViewer.keys()].map((id) => pseudonyms.get(id)!)],
    parts: [...base.parts, ...parts], views: base.views + fresh.length, complete, busyUntil: 0,
  };
  await writePreparation(next);
  return complete ? ready(next, members, pseudonyms) : preparing('views', next.done.length, members.length, asOf);
}

async function fail(base: PreparationHead, stored: boolean, message: string): Promise<GroupPreparation> {
  // Answered as is until the preparation expires, and not continued by the scheduled run.
  if (stored) await writePreparation({ ...base, failed: message, busyUntil: 0 });
  return { state: 'failed', message };
}

/** The stored views with account ids again; a member who left the group meanwhile no longer counts. */
async function ready(head: PreparationHead, members: string[], pseudonyms: Map<string, string>): Promise<GroupPreparation> {
  const views = await readPreparedViews(head);
  if (!views) {
    await deletePreparation(head);
    return preparing('views', 0, members.length, head.asOf);
  }
  const accountOf = new Map([...pseudonyms].map(([id, pseudonym]) => [pseudonym, id]));
  const records: ViewRecord[] = [];
  for (const view of views) {
    const accountId = accountOf.get(view.viewer);
    if (accountId) records.push({ ...view, viewer: accountId, recordedAt: view.at });
  }
  return { state: 'ready', members, records, asOf: head.asOf };
}

/**
 * The scheduled run: lists the audiences under way (reach's and these groups') and continues each
 * open group preparation, a step at a time, until `budgetMs` is spent. A step stopped midway loses at
 * most the members it was reading; they are read again by the next step.
 */
export async function continueGroupPreparations(budgetMs: number, clock: () => number = Date.now): Promise<{ steps: number; ready: number }> {
  const deadline = clock() + budgetMs;
  let steps = 0;
  let completed = 0;
  // Extended privacy: no report may be filtered by group any more, so nothing is kept for one.
  if ((await currentSettings()).privacy.mode === 'extended') {
    await deleteGroupPreparations();
    return { steps, ready: completed };
  }
  for (const open of await openPreparations(clock())) {
    let before = -1;
    while (clock() < deadline) {
      // Steps as long as a call's, so that the progress a caller sees meanwhile moves on.
      const answer = await prepareGroupViews(open.groupId, open.from, open.to, Math.min(deadline, clock() + BACKGROUND_STEP_MS), clock);
      steps += 1;
      if (answer.state !== 'preparing') {
        if (answer.state === 'ready') completed += 1;
        break;
      }
      // No progress: another call is reading it now (or Confluence answers nothing new); the next run looks again.
      const { stage, done } = answer.preparing.progress;
      const reached = (stage === 'views' ? 1_000_000 : 0) + done;
      if (reached <= before) break;
      before = reached;
    }
  }
  return { steps, ready: completed };
}

/** How the scheduled run shares its budget: reach's audiences first (group preparations list their members through them). */
export async function continuePreparations(budgetMs: number, clock: () => number = Date.now): Promise<{ steps: number; ready: number }> {
  const started = clock();
  const audiences = await continuePreparingAudiences(Math.floor(budgetMs / 2), clock);
  const groups = await continueGroupPreparations(Math.max(0, budgetMs - (clock() - started)), clock);
  return { steps: audiences.steps + groups.steps, ready: audiences.ready + groups.ready };
}
