/** A lozenge: a small uppercase status label, the Atlassian Design System's (`@atlaskit/lozenge`). */
import AkLozenge from '@atlaskit/lozenge';
import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

export function Lozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  return (
    <AkLozenge appearance={appearance} testId={`vt-lozenge--${appearance}`}>
      {children}
    </AkLozenge>
  );
}
