/** The inventory backfill's progress, as the settings page shows it. */
export interface InventoryStatus {
  state: 'idle' | 'running';
  /** What the running backfill is listing now. */
  phase: 'page' | 'blogpost';
  /** Pages and blog posts read from Confluence in the current (or last) run. */
  processed: number;
  /** Content rows created or changed by it. */
  written: number;
  startedAt: number | null;
  /** The last time a backfill went through the whole site; null before the first. */
  completedAt: number | null;
  /** Set while Confluence asks us to wait (429 Retry-After). */
  throttledUntil: number | null;
  /** The content-month backfill (period figures of content viewed before month rows existed). */
  monthRows?: MonthRowsProgress;
}

export interface MonthRowsProgress {
  state: 'idle' | 'running';
  /** Content rows gone through, and month rows built or completed. */
  contents: number;
  monthsWritten: number;
  completedAt: number | null;
}

/** One attachment of a page, with its views (the page statistics' attachments section). */
export interface AttachmentViews {
  contentId: string;
  title: string;
  views: number;
  viewers: number;
  lastViewedAt: number | null;
}
