/**
 * The byline's question, asked on every page render: may this caller see this content's count? The
 * rule is pure (`decideBylineCount`); the facts come from one batch read, and only when they do not
 * decide it from Confluence's permission check, whose answer is then cached until the app learns of
 * a permission change on the site (12 h at most, `answerStands`). That check is asked for one of the
 * caller's groups first (its "yes" serves every member of the group for the content, so a page's
 * later readers cost no call), and for the caller alone otherwise.
 */
import { decideBylineCount } from '../../access/rules/access-policy';
import { anonymousReadableIds } from '../../access/anonymous-readable';
import { answerStands, chooseGroupToAsk, groupReads, withGroupAnswer, type ContentGroupAnswers } from './byline-group-evidence';
import type { ContentStatsRow } from '../../core/model/rows';
import { fetchGroupMayRead, fetchMayRead } from '../../platform/confluence/permissions';
import { cacheGroupAnswers, cacheReadPermission, readBylineFacts } from './byline-store';
import { storedViewerFor } from '../../tracking/index';
import { pseudonymFor } from '../../privacy/index';
import { GROUP_CACHE_HOURS, groupsInMemory, resolveViewerGroups } from '../../access/viewer-groups';
import { groupPopularity, noteCallerGroups } from './group-popularity';

export type BylineAnswer = { show: true; stats: ContentStatsRow | undefined } | { show: false };

export async function bylineCountFor(accountId: string | null, contentId: string, now: number): Promise<BylineAnswer> {
  // Extended privacy: the caller is known by the day's pseudonym, even in cache keys.
  const storedViewer = accountId ? await storedViewerFor({ kind: 'user', accountId }, now) : null;
  // Cached permission answers are keyed by the day's pseudonym in every mode: no account id in a key.
  const cacheViewer = accountId ? await pseudonymFor(accountId, now) : null;
  const inMemory = accountId ? groupsInMemory(accountId) : undefined;
  const facts = await readBylineFacts(contentId, storedViewer, inMemory === undefined, cacheViewer);
  // Only groups the app already knows (memory, or the KVS row the view path keeps for 12 h): asking
  // Confluence for them here would cost the call this evidence is meant to save.
  const storedGroups = facts.callerGroups && now - facts.callerGroups.fetchedAt < GROUP_CACHE_HOURS * 3_600_000 ? facts.callerGroups.groupIds : undefined;
  const callerGroups = inMemory ?? storedGroups ?? [];
  if (accountId && callerGroups.length > 0) noteCallerGroups(accountId, callerGroups);
  const changedAt = facts.permissionsChangedAt;
  const cached = facts.cachedPermission && answerStands(facts.cachedPermission.at, now, changedAt) ? facts.cachedPermission.allowed : undefined;
  // Anonymous callers: Confluence's answer (space permission, restrictions), shared briefly by all of them.
  const anonymousReadable = accountId === null ? (await anonymousReadableIds([contentId])).has(contentId) : undefined;
  const decision = decideBylineCount({
    signedIn: accountId !== null, anonymousReadable, viewedAt: facts.viewedAt,
    cachedPermission: cached, groupReads: groupReads(callerGroups, facts.groupAnswers, now, changedAt), now,
  });
  if (decision === 'show') return { show: true, stats: facts.stats };
  if (decision === 'hide' || !accountId || !storedViewer || !cacheViewer) return { show: false };
  // Confluence must be asked. The view path no longer learns each viewer's groups (excluded groups are
  // listed hourly instead: src/access/excluded-members.ts), so a caller whose groups are unknown is
  // looked up here, once per 12 h: that one call lets the group answers of earlier readers serve this
  // caller on every page, instead of a permission check and a cached answer per caller and page.
  const askGroups = inMemory === undefined && storedGroups === undefined
    // A failed lookup only costs the saving: the caller is then asked alone, as before.
    ? await resolveViewerGroups(accountId, storedViewer, facts.callerGroups, now).catch(() => callerGroups)
    : callerGroups;
  if (askGroups !== callerGroups) {
    if (askGroups.length > 0) noteCallerGroups(accountId, askGroups);
    if (groupReads(askGroups, facts.groupAnswers, now, changedAt)) return { show: true, stats: facts.stats };
  }
  // Answers are timed by `now`, taken before the call: a change recorded meanwhile ends them.
  if (await askForGroup(contentId, askGroups, facts.groupAnswers, now, changedAt)) return { show: true, stats: facts.stats };
  const allowed = await fetchMayRead(contentId, accountId);
  await cacheReadPermission(contentId, cacheViewer, allowed, now);
  return allowed ? { show: true, stats: facts.stats } : { show: false };
}

/** One group check, recorded for the content either way (a "no" spares the group's other members it). */
async function askForGroup(contentId: string, callerGroups: readonly string[], answers: ContentGroupAnswers, now: number, changedAt: number): Promise<boolean> {
  const groupId = chooseGroupToAsk(callerGroups, answers, groupPopularity(), now, changedAt);
  if (groupId === null) return false;
  const reads = await fetchGroupMayRead(contentId, groupId);
  await cacheGroupAnswers(contentId, withGroupAnswer(answers, groupId, reads, now, changedAt));
  return reads;
}
