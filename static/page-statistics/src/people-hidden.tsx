import type { PeopleHiddenReason } from '@contracts/page-statistics';
import { SectionMessage } from '../../shared/components/section-message';
import { HIDDEN_REASONS } from './statistics-format';

/** In place of the viewer list: why this caller sees counts only. */
export function PeopleHidden({ reason, noGroup = false }: { reason: PeopleHiddenReason; noGroup?: boolean }) {
  const { title, text } = HIDDEN_REASONS[reason === 'hide-viewers' && noGroup ? 'hide-viewers-no-group' : reason];
  return (
    <section className="vt-stats-section" aria-labelledby="viewers-heading">
      <h2 id="viewers-heading" className="vt-stats-section__title">Who viewed</h2>
      <SectionMessage appearance="information" title={title}><p>{text}</p></SectionMessage>
    </section>
  );
}
