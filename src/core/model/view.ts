import type { Source } from '@contracts/settings';

export type ContentType = 'page' | 'blogpost' | 'attachment';

/** Who viewed. Anonymous visitors cannot be told apart, so they share one identity. */
export type Viewer = { kind: 'user'; accountId: string } | { kind: 'anonymous' };

/** One observed view, from whichever entry point saw it, before any rule is applied. */
export interface View {
  contentId: string;
  contentType: ContentType;
  spaceKey: string;
  /** Confluence's numeric space id, when the entry point knows it: stored next to the key. */
  spaceId?: string;
  /** An attachment's page or blog post. */
  containerId?: string;
  /** Content title when the entry point knows it (the product event does; the macro does not). */
  title?: string;
  viewer: Viewer;
  /** When the view happened (ms since epoch): the event's own time, never its arrival time. */
  at: number;
  source: Source;
  /**
   * `beacon`: reported by the reader's own browser (the background script), for content the app
   * cannot see. Its page load may also reach us as a product event: blocking-time.ts pairs the two.
   */
  observedBy?: 'beacon';
}

/** The viewer as stored: an account id, `anonymous`, or an unlinkable pseudonym in extended privacy mode. */
export const ANONYMOUS_VIEWER = 'anonymous';

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
