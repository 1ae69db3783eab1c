/**
 * The Viewtracker macro: reports this view (for channels that are not auto-tracked, the backend decides)
 * and shows "128 views". It sits in the middle of someone's page, so every failure stays quiet: a muted
 * line, never a red box.
 */
import { useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { TrackViewResult } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { EyeIcon } from '../../shared/components/icons';
import { Skeleton } from '../../shared/components/states';
import { formatNumber } from '../../shared/format/time';
import { browserFacts, detectChannel } from '../../shared/channel/detect-channel';

let tracking: Promise<Envelope<TrackViewResult>> | null = null;

/** One report per page load, even if React mounts the component twice (StrictMode in dev builds). */
function trackOnce(): Promise<Envelope<TrackViewResult>> {
  tracking ??= invokeResolver('trackView', { channel: detectChannel(browserFacts()) });
  return tracking;
}

export function viewCountText(views: number, locale?: string): string {
  return `${formatNumber(views, locale)} ${views === 1 ? 'view' : 'views'}`;
}

export function MacroApp() {
  const [answer, setAnswer] = useState<Envelope<TrackViewResult> | null>(null);

  useEffect(() => {
    let active = true;
    void trackOnce().then((result) => {
      if (active) setAnswer(result);
    });
    return () => {
      active = false;
    };
  }, []);

  if (answer === null) {
    return (
      <span className="vt-macro" aria-busy="true">
        <EyeIcon size={16} />
        <Skeleton width={56} height={12} />
        <span className="vt-visually-hidden">Loading view count</span>
      </span>
    );
  }
  if (!answer.ok) {
    return (
      <span className="vt-macro vt-macro--quiet" title={answer.error.message}>
        <EyeIcon size={16} />
        {answer.error.code === 'not-found' ? 'Views are not available here' : 'View count unavailable'}
      </span>
    );
  }
  return (
    <span className="vt-macro" title="Views of this page, counted by Viewtracker">
      <EyeIcon size={16} />
      <span>{viewCountText(answer.data.views)}</span>
    </span>
  );
}
