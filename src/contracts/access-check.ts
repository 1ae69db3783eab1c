/**
 * The settings page's access check (issue 17): what the app's own user cannot read, found by comparing
 * what the calling admin sees with what the app sees, a few spaces a call.
 */
export interface AccessCheckSpace {
  key: string;
  name: string;
  /** The app's user may not view the space at all: nothing in it is tracked or inventoried. */
  spaceHidden: boolean;
  /** Pages and blog posts the admin sees and the app's user does not (all of the space's when hidden). */
  hiddenContent: number;
  /** The space holds more than the check lists (1,000 of each type a side): `hiddenContent` is a lower bound. */
  capped: boolean;
}

export interface AccessCheckPayload {
  /** Where the previous answer stopped (its `nextCursor`); absent for the first spaces. */
  cursor?: string | null;
}

export interface AccessCheckResult {
  /** Spaces of this batch where the app's user misses something; spaces it fully sees are left out. */
  spaces: AccessCheckSpace[];
  /** Spaces compared in this batch. */
  checked: number;
  /** More spaces to compare: pass it back as `cursor`. */
  nextCursor: string | null;
  /** Content with stored history that the last daily reconciliation pass could no longer see (kept, not purged). */
  inventoryUnseen: number | null;
  inventoryCheckedAt: number | null;
  /** The app's user as admins find it in Confluence's permission and restriction pickers. */
  appName: string;
}
