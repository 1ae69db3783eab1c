/** Only the handlers that manifest.yml names. */
export { resolverHandler as resolver } from './resolver';
export { onContentViewed } from './tracking/on-content-viewed';
export { bylineProperties } from './page-statistics/byline/byline-properties';
export { bylineWriter } from './page-statistics/byline-property/byline-writer';
export { viewApi } from './tracking/view-api/view-api-trigger';
export { maintenance } from './privacy/maintenance-trigger';
export { onContentLifecycle } from './lifecycle/on-content-lifecycle';
export { onAppInstalled, inventoryMaintenance } from './lifecycle/jobs-trigger';
export { onAttachmentViewed } from './tracking/on-attachment-viewed';
export { onSearchPerformed } from './search/on-search-performed';
export { continueBackgroundPreparations } from './reports/preparation-trigger';
