/** The platform self-check (settings page, administrators only): what only a live site can confirm. */
export interface SelfCheckItem {
  area: 'storage' | 'confluence';
  /** What was tried, e.g. `GET /wiki/api/v2/pages (as app)`. */
  name: string;
  /** The OAuth scopes the call needs (Confluence only), as Atlassian's API description lists them. */
  scopes: string[];
  /** What the app's code assumes the platform answers. */
  assumption: string;
  /** What the platform answered. */
  observed: string;
  /** `as-assumed`: the answer matches; `differs`: it does not (the app may misbehave here); `skipped`: nothing to try it on. */
  verdict: 'as-assumed' | 'differs' | 'skipped';
}

export interface SelfCheckReport {
  ranAt: number;
  items: SelfCheckItem[];
}

export const SELF_CHECK_VERDICTS = ['as-assumed', 'differs', 'skipped'] as const;
