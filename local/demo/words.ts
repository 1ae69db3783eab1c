/** Vocabulary for plausible titles and bodies; deterministic picks from these make the demo site. */
export const FIRST_NAMES = [
  'Alana', 'Bruno', 'Chen', 'Dara', 'Emeka', 'Farah', 'Gustav', 'Hana', 'Ines', 'Jonas', 'Kiri', 'Lena',
  'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara',
];
export const LAST_NAMES = [
  'Adeyemi', 'Becker', 'Costa', 'Dubois', 'Eriksen', 'Fujita', 'Garcia', 'Haddad', 'Ivanova', 'Jensen',
  'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Santos', 'Tanaka',
];

export interface SpaceTemplate {
  key: string;
  name: string;
  anonymousAccess: boolean;
  description: string;
  pagePrefixes: string[];
  subjects: string[];
  blogTitles: string[];
}

export const SPACE_TEMPLATES: SpaceTemplate[] = [
  {
    key: 'ENG', name: 'Engineering', anonymousAccess: false,
    description: 'How we build, ship and run the product.',
    pagePrefixes: ['Runbook:', 'Design:', 'ADR:', 'How-to:', 'Postmortem:', 'Guide:'],
    subjects: ['deploy pipeline', 'on-call rotation', 'database migrations', 'feature flags', 'API versioning', 'load testing', 'incident response', 'code review', 'release train', 'observability', 'cache invalidation', 'search indexing'],
    blogTitles: ['What we learned from the Q3 outage', 'Our new CI is 40% faster', 'Hack week results', 'Sunsetting the legacy API'],
  },
  {
    key: 'COMMS', name: 'Company news', anonymousAccess: true,
    description: 'Announcements and news for everyone, including visitors.',
    pagePrefixes: ['About:', 'FAQ:', 'Policy:', 'Event:'],
    subjects: ['office locations', 'brand guidelines', 'press kit', 'holiday calendar', 'all-hands schedule', 'company values', 'travel policy'],
    blogTitles: ['Quarterly all-hands notes', 'Welcome to our new teammates', 'Summer party recap', 'CEO update: the year ahead', 'Office move next month'],
  },
  {
    key: 'HR', name: 'Human Resources', anonymousAccess: false,
    description: 'Policies, benefits and people processes.',
    pagePrefixes: ['Policy:', 'Checklist:', 'Process:', 'Benefits:'],
    subjects: ['onboarding', 'parental leave', 'performance reviews', 'remote work', 'expenses', 'learning budget', 'offboarding', 'compensation bands'],
    blogTitles: ['Open enrolment starts Monday', 'New learning budget rules'],
  },
  {
    key: 'DOCS', name: 'Product documentation', anonymousAccess: true,
    description: 'Public user documentation.',
    pagePrefixes: ['Getting started:', 'Reference:', 'Tutorial:', 'Troubleshooting:'],
    subjects: ['installation', 'single sign-on', 'webhooks', 'exports', 'permissions', 'billing', 'mobile app', 'integrations', 'audit log'],
    blogTitles: ['Release notes 4.2', 'Release notes 4.3', 'Deprecation notice: v1 endpoints'],
  },
  {
    key: 'SALES', name: 'Sales playbook', anonymousAccess: false,
    description: 'Pitches, pricing and customer stories.',
    pagePrefixes: ['Playbook:', 'Battlecard:', 'Pricing:', 'Customer story:'],
    subjects: ['enterprise tier', 'discount approvals', 'competitor A', 'competitor B', 'renewals', 'demo script', 'procurement questions'],
    blogTitles: ['Record quarter!', 'New pricing from January'],
  },
];

export const SENTENCES = [
  'This page is the single source of truth; edit it rather than copying it elsewhere.',
  'Ask in the team channel if anything here is unclear or out of date.',
  'The steps below were last verified during the most recent review.',
  'Owners review this page every quarter and after every significant change.',
  'Links to related pages are at the bottom of this page.',
  'Decisions recorded here were agreed in the weekly sync.',
  'Please leave a comment instead of editing the approved sections directly.',
  'Examples use the staging environment; never run them against production.',
  'Most questions are answered in the FAQ section further down.',
  'The checklist is meant to be copied into a ticket and ticked off there.',
];
