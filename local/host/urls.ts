import { contentWebPath } from '../confluence/shapes';
import type { DemoContent } from '../demo/directory';

/** Where things live on the local site; paths follow Confluence Cloud's shapes. */
export class SiteUrls {
  constructor(private readonly appShortId: string) {}

  static forApp(appId: string): SiteUrls {
    return new SiteUrls(appId.split('/').pop() ?? 'app');
  }

  content(content: DemoContent): string {
    return `/wiki${contentWebPath(content)}`;
  }

  portalArticle(content: DemoContent): string {
    return `/servicedesk/customer/portal/1/article/${content.id}`;
  }

  space(key: string): string {
    return `/wiki/spaces/${encodeURIComponent(key)}/overview`;
  }

  globalPage(route: string): string {
    return `/wiki/apps/${this.appShortId}/local/${route}`;
  }

  spacePage(spaceKey: string, route: string): string {
    return `/wiki/spaces/${encodeURIComponent(spaceKey)}/apps/${this.appShortId}/local/${route}`;
  }

  settings(moduleKey: string): string {
    return `/wiki/admin/forge/apps/${this.appShortId}/local/${moduleKey}`;
  }

  get appShort(): string {
    return this.appShortId;
  }
}
