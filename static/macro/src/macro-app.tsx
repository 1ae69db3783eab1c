/**
 * The Viewtracker macro: reports this view (for channels that are not auto-tracked, the backend decides)
 * and shows what its configuration asks for: the number of views (inline), a small chart and the
 * latest viewers (as a block, the latter only where privacy lets this reader see names). In the
 * editor's preview it records nothing. It sits in the middle of someone's page, so every failure
 * stays quiet: a muted line, never a red box.
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import type { Envelope } from '@contracts/envelope';
import { parseMacroConfig, type MacroConfig } from '@contracts/macro-config';
import type { PageStatistics, PageViewers } from '@contracts/page-statistics';
import type { TrackViewResult } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { EyeIcon } from '../../shared/components/icons';
import { Skeleton } from '../../shared/components/skeleton';
import { browserFacts, detectChannel } from '../../shared/channel/detect-channel';
import { MacroView, type MacroData } from './macro-view';

let tracking: Promise<Envelope<TrackViewResult>> | null = null;

/** One report per page load, even if React mounts the component twice (StrictMode in dev builds). */
function trackOnce(): Promise<Envelope<TrackViewResult>> {
  tracking ??= invokeResolver('trackView', { channel: detectChannel(browserFacts()) });
  return tracking;
}

async function macroContext(): Promise<{ config: MacroConfig; editing: boolean }> {
  try {
    const context = (await view.getContext()) as { extension?: { config?: unknown; isEditing?: unknown } } | null;
    return { config: parseMacroConfig(context?.extension?.config), editing: context?.extension?.isEditing === true };
  } catch {
    return { config: parseMacroConfig(undefined), editing: false };
  }
}

async function load(): Promise<MacroData> {
  const { config, editing } = await macroContext();
  // The editor's preview is not a view of the page.
  const tracked = editing ? null : await trackOnce();
  const wantsStats = config.showChart || config.showViewers || config.range !== 'all';
  const stats: Envelope<PageStatistics> | null = wantsStats ? await invokeResolver('getPageStatistics', { range: { kind: 'preset', preset: config.range } }) : null;
  const viewers: Envelope<PageViewers> | null = config.showViewers && stats?.ok && stats.data.people.visible
    ? await invokeResolver('getPageViewers', { range: { kind: 'preset', preset: config.range }, limit: 5 })
    : null;
  return { config, editing, tracked, stats, viewers };
}

export function MacroApp() {
  const [data, setData] = useState<MacroData | null>(null);
  useEffect(() => {
    let active = true;
    void load().then((result) => {
      if (active) setData(result);
    });
    return () => {
      active = false;
    };
  }, []);

  if (data === null) {
    return (
      <span className="vt-macro" aria-busy="true">
        <EyeIcon size={16} />
        <Skeleton width={56} height={12} />
        <span className="vt-visually-hidden">Loading view count</span>
      </span>
    );
  }
  return <MacroView data={data} />;
}
