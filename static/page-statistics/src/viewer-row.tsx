import { useState } from 'react';
import type { PageViewer } from '@contracts/page-statistics';
import { avatarUrl, initials } from './statistics-format';

/** A viewer's picture (or initials when there is none or it cannot load) and name. */
export function ViewerRow({ viewer, siteUrl }: { viewer: PageViewer; siteUrl: string | null }) {
  const [broken, setBroken] = useState(false);
  const url = avatarUrl(viewer.avatarPath, siteUrl);
  return (
    <span className="vt-person">
      {url && !broken
        ? <img className="vt-person__avatar" src={url} alt="" width={24} height={24} onError={() => setBroken(true)} />
        : <span className="vt-person__avatar vt-person__avatar--initials" aria-hidden="true">{viewer.former ? '?' : initials(viewer.displayName)}</span>}
      <span className={viewer.former ? 'vt-person__name vt-subtlest' : 'vt-person__name'}>{viewer.displayName}</span>
    </span>
  );
}
