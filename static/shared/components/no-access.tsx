/** One whole-page refusal: what cannot be opened and who may open it, in place of the page (as the settings page does). */
import { LockIcon } from './icons';
import { Page } from './page';
import { EmptyState } from './states';

export function NoAccessPage({ header, audience, advice }: {
  header: string;
  /** Who may open it, from the server (it knows the settings): "… is open to …". */
  audience: string;
  advice?: string;
}) {
  return (
    <Page>
      <EmptyState
        headingLevel={1}
        illustration={<LockIcon size={64} />}
        header={header}
        description={
          <>
            <p>{audience}</p>
            {advice ? <p>{advice}</p> : null}
          </>
        }
      />
    </Page>
  );
}
