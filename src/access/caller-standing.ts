import type { Settings } from '@contracts/settings';
import type { CallerStanding, SpaceStanding } from './rules/access-policy';
import { fetchCallerSpaceOperations, fetchSpaceAsApp } from '../platform/confluence/space-permissions';
import { isConfluenceAdmin } from './admin-check';
import { groupsOfUser, type StoredGroups } from './viewer-groups';
import { MemoryCache } from '../platform/memory-cache';
import { rememberSpaceNames } from '../platform/space-names';
import type { Caller } from '../platform/resolver/context';

const ANONYMOUS: CallerStanding = { signedIn: false, licensed: false, siteAdmin: false, inReportGroup: false, inViewerNamesGroup: false };

/**
 * The caller's standing on the site, from Confluence: admin rights (cached 60 s) and groups (cached
 * 10 min, in memory and, given `storedGroups`, in storage). Groups are asked only when a setting names a group that can decide something for this
 * caller, so most callers, and administrators, cost one admin check.
 */
export async function standingOf(caller: Caller, settings: Settings, storedGroups?: StoredGroups): Promise<CallerStanding> {
  if (caller.kind !== 'user') return ANONYMOUS;
  const licensed = caller.accountType === 'licensed';
  // Admin rights are asked as the user; Forge gives guests no asUser calls, and guests are never admins.
  const siteAdmin = licensed && (await isConfluenceAdmin(caller.accountId));
  // A group is asked about only where it can decide something (the rules in access-policy.ts): the
  // report group never for an administrator (every rule that reads it also lets administrators in),
  // the Hide-viewers names group only in that mode (no other rule reads it).
  const reportGroup = siteAdmin ? null : settings.reportAccessGroup;
  const namesGroup = settings.privacy.mode === 'hide-viewers' ? settings.privacy.viewerNamesGroup : null;
  const groups = reportGroup || namesGroup ? new Set(await groupsOfUser(caller.accountId, storedGroups)) : new Set<string>();
  return {
    signedIn: true,
    licensed,
    siteAdmin,
    inReportGroup: reportGroup !== null && groups.has(reportGroup.id),
    inViewerNamesGroup: namesGroup !== null && groups.has(namesGroup.id),
  };
}

/** Space permissions change rarely; a caller opening a report pages through it within this time. */
const spaceCache = new MemoryCache<SpaceStanding>(60_000);
const NO_SPACE: SpaceStanding = { spaceAdmin: false, spaceViewer: false };

/** The caller's standing in one space, asked of Confluence as the caller (licensed users only). */
export async function spaceStandingOf(caller: Caller, spaceKey: string): Promise<SpaceStanding> {
  if (caller.kind !== 'user' || caller.accountType !== 'licensed') return NO_SPACE;
  return spaceCache.getOrLoad(`${caller.accountId}|${spaceKey}`, async () => {
    const space = await fetchSpaceAsApp(spaceKey);
    // The report's header names the space: this answer already did.
    if (space) rememberSpaceNames(new Map([[space.key, space.name]]));
    const operations = space ? await fetchCallerSpaceOperations(space.id) : null;
    return operations ? { spaceAdmin: operations.administer, spaceViewer: operations.view || operations.administer } : NO_SPACE;
  });
}

