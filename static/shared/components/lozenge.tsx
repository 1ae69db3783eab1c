/** A lozenge: a small uppercase status label. */
import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

export function Lozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  return <span className={`vt-lozenge vt-lozenge--${appearance}`}>{children}</span>;
}
