/** Only the handlers that manifest.yml names. */
export { resolverHandler as resolver } from './resolvers';
export { onContentViewed } from './triggers/on-content-viewed';
export { bylineProperties } from './triggers/byline-properties';
export { viewApi } from './triggers/view-api';
export { maintenance } from './triggers/maintenance';
export { onContentLifecycle } from './triggers/on-content-lifecycle';
export { onAppInstalled, inventoryMaintenance } from './triggers/inventory';
export { onAttachmentViewed } from './triggers/on-attachment-viewed';
