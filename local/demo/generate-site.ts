import type { DemoContent, DemoGroup, DemoSite, DemoSpace, DemoUser, Restriction } from './directory';
import { Rng } from './rng';
import type { DemoSize } from './sizes';
import { FIRST_NAMES, LAST_NAMES, SENTENCES, SPACE_TEMPLATES, type SpaceTemplate } from './words';

/** Account IDs that Atlassian's docs name as test accounts: one active, one closed (for GDPR flows). */
export const TEST_ACTIVE_ACCOUNT = '5be24ad8b1653240376955d2';
export const TEST_CLOSED_ACCOUNT = '5be24ba3f91c106033269289';

export const GROUP_NAMES = {
  admins: 'confluence-admins',
  users: 'confluence-users',
  bots: 'bots',
  reportReaders: 'viewtracker-report-readers',
  hr: 'hr-team',
} as const;

const DAY_MS = 86_400_000;

/**
 * Builds the demo site from a seed. Pure and fast (milliseconds): it is rebuilt on every start rather
 * than stored, so only the view history (which goes through the app) needs persisting.
 */
export function generateSite(seed: number, size: DemoSize, now: number): DemoSite {
  const rng = new Rng(seed);
  const groups = makeGroups(rng);
  const users = makeUsers(rng, size, groups);
  const admin = users[0]!;
  const spaces = makeSpaces(size, admin);
  // Space admins (not site admins): the last licensed readers run the first two spaces, so the local
  // site shows a space report opened through Confluence's space permissions alone.
  const spaceAdmins = users.filter((user) => user.role === 'reader' && user.status === 'active' && user.accountType === 'licensed').slice(-2);
  spaceAdmins.forEach((user, index) => { if (spaces[index]) spaces[index]!.adminIds = [user.accountId]; });
  const contents = arrangeTree(makeContents(rng, size, spaces, users, groups, now));
  return { seed, cloudId: hexId(new Rng(seed + 1), 8) + '-local', siteName: 'Acme (local)', users, groups, spaces, contents };
}

function makeGroups(rng: Rng): DemoGroup[] {
  return Object.values(GROUP_NAMES).map((name) => ({ id: uuid(rng), name }));
}

function makeUsers(rng: Rng, size: DemoSize, groups: DemoGroup[]): DemoUser[] {
  const groupId = (name: string): string => groups.find((group) => group.name === name)!.id;
  const names = shuffledNames(rng);
  const users: DemoUser[] = [];
  const add = (role: DemoUser['role'], extraGroups: string[], overrides: Partial<DemoUser> = {}): void => {
    const [first, last] = names[users.length % names.length]!;
    users.push({
      accountId: hexId(rng, 24),
      displayName: `${first} ${last}`,
      role,
      accountType: 'licensed',
      isAdmin: role === 'admin',
      groupIds: [groupId(GROUP_NAMES.users), ...extraGroups.map(groupId)],
      status: 'active',
      ...overrides,
    });
  };
  add('admin', [GROUP_NAMES.admins]);
  add('report-reader', [GROUP_NAMES.reportReaders]);
  // Atlassian's documented active test account is an ordinary reader, so GDPR flows can be tried.
  add('reader', [], { accountId: TEST_ACTIVE_ACCOUNT });
  add('reader', [GROUP_NAMES.hr]);
  for (let i = 2; i < size.readers; i += 1) add('reader', rng.chance(0.2) ? [GROUP_NAMES.hr] : []);
  for (let i = 0; i < size.bots; i += 1) {
    users.push({
      accountId: hexId(rng, 24), displayName: i === 0 ? 'Build Bot' : `Sync Bot ${i}`, role: 'bot',
      accountType: 'licensed', isAdmin: false, groupIds: [groupId(GROUP_NAMES.users), groupId(GROUP_NAMES.bots)], status: 'active',
    });
  }
  add('guest', [], { accountType: 'unlicensed', groupIds: [] });
  users.push({
    accountId: TEST_CLOSED_ACCOUNT, displayName: 'Former user', role: 'former', accountType: 'licensed',
    isAdmin: false, groupIds: [], status: 'closed',
  });
  return users;
}

function makeSpaces(size: DemoSize, admin: DemoUser): DemoSpace[] {
  const count = size.contents < 100 ? 3 : SPACE_TEMPLATES.length;
  const spaces: DemoSpace[] = SPACE_TEMPLATES.slice(0, count).map((template, index) => ({
    id: 827392000 + index * 17,
    key: template.key,
    name: template.name,
    type: 'global',
    anonymousAccess: template.anonymousAccess,
    description: template.description,
  }));
  spaces.push({
    id: 827392999, key: `~${admin.accountId}`, name: admin.displayName, type: 'personal', anonymousAccess: false,
    description: `${admin.displayName}'s personal space.`,
  });
  return spaces;
}

function makeContents(rng: Rng, size: DemoSize, spaces: DemoSpace[], users: DemoUser[], groups: DemoGroup[], now: number): DemoContent[] {
  const authors = users.filter((user) => user.role !== 'bot' && user.status === 'active' && user.accountType === 'licensed');
  const hrGroup = groups.find((group) => group.name === GROUP_NAMES.hr)!;
  const admin = users[0]!;
  const contents: DemoContent[] = [];
  const perSpace = Math.max(4, Math.floor(size.contents / spaces.length));
  spaces.forEach((space, spaceIndex) => {
    const template = SPACE_TEMPLATES.find((t) => t.key === space.key);
    for (let i = 0; i < perSpace && contents.length < size.contents; i += 1) {
      const isHome = i === 0;
      const type: DemoContent['type'] = !isHome && template && rng.chance(0.18) ? 'blogpost' : 'page';
      const createdAt = now - rng.int(30, 700) * DAY_MS - rng.int(0, DAY_MS);
      const updatedAt = Math.min(now - DAY_MS, createdAt + rng.int(0, 200) * DAY_MS);
      contents.push({
        id: String(838205441 + spaceIndex * 10_000 + i * 7),
        type,
        title: isHome ? `${space.name} home` : titleFor(rng, template, type, i),
        spaceKey: space.key,
        authorId: space.type === 'personal' ? admin.accountId : rng.pick(authors).accountId,
        createdAt,
        updatedAt,
        version: rng.int(1, 24),
        restriction: restrictionFor(rng, space, i, hrGroup, admin, authors),
        // Every space home and about one page in eight carries the macro.
        hasMacro: type === 'page' && (isHome || rng.chance(0.12)),
        paragraphs: distinctSentences(rng, rng.int(2, 4)),
      });
    }
  });
  return contents;
}

const LABELS = ['how-to', 'onboarding', 'meeting-notes', 'archive'] as const;

/**
 * Page trees and labels, derived from each page's position (no random draws, so the rest of the demo
 * site stays what it was): in every space, page k hangs under page ⌊(k-1)/3⌋, the home at the root;
 * labels repeat on a fixed pattern so label reports have something to find in every space.
 */
function arrangeTree(contents: DemoContent[]): DemoContent[] {
  const pagesBySpace = new Map<string, DemoContent[]>();
  return contents.map((content, index) => {
    const labels = LABELS.filter((_, n) => (index + n) % (n + 3) === 0);
    if (content.type !== 'page') return { ...content, labels, parentId: null };
    const pages = pagesBySpace.get(content.spaceKey) ?? [];
    pagesBySpace.set(content.spaceKey, pages);
    const parentId = pages.length === 0 ? null : pages[Math.floor((pages.length - 1) / 3)]!.id;
    pages.push(content);
    return { ...content, labels, parentId };
  });
}

function titleFor(rng: Rng, template: SpaceTemplate | undefined, type: DemoContent['type'], index: number): string {
  if (!template) return `Notes ${index}: ${rng.pick(['reading list', 'ideas', 'todo', 'meeting notes', '1:1 agenda'])}`;
  if (type === 'blogpost') return `${rng.pick(template.blogTitles)} (${index})`;
  const subject = rng.pick(template.subjects);
  return `${rng.pick(template.pagePrefixes)} ${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${index}`;
}

/** A few pages only some users may see: HR pages for the HR group, a draft for its author and the admin. */
function restrictionFor(rng: Rng, space: DemoSpace, index: number, hr: DemoGroup, admin: DemoUser, authors: DemoUser[]): Restriction | null {
  if (index === 0 || space.type === 'personal') return null;
  if (space.key === 'HR' && rng.chance(0.3)) return { userIds: [admin.accountId], groupIds: [hr.id] };
  if (rng.chance(0.04)) return { userIds: [admin.accountId, rng.pick(authors).accountId], groupIds: [] };
  return null;
}

function distinctSentences(rng: Rng, count: number): string[] {
  const pool = [...SENTENCES];
  return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
}

function shuffledNames(rng: Rng): Array<[string, string]> {
  const names: Array<[string, string]> = FIRST_NAMES.map((first) => [first, rng.pick(LAST_NAMES)]);
  for (let i = names.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  // The admin is always "Alana" so the README can name her.
  const alana = names.findIndex(([first]) => first === 'Alana');
  [names[0], names[alana]] = [names[alana]!, names[0]!];
  return names;
}

function hexId(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rng.next() * 16).toString(16);
  return out;
}

function uuid(rng: Rng): string {
  const hex = hexId(rng, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
