import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';

/** The Confluence site's URL, to make Confluence's site-relative avatar paths absolute. */
export function useSiteUrl(): string | null {
  const [siteUrl, setSiteUrl] = useState<string | null>(null);
  useEffect(() => {
    view.getContext().then((context: unknown) => {
      const url = typeof context === 'object' && context !== null ? (context as { siteUrl?: unknown }).siteUrl : undefined;
      if (typeof url === 'string') setSiteUrl(url);
    }).catch(() => undefined);
  }, []);
  return siteUrl;
}
