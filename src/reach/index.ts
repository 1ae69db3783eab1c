/** The public entry of reach: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { deleteStoredAudiences } from './storage/audience-store';
export { pageReachFor } from './reach-resolvers';
/** A group's members listed over several calls (kept in KVS, continued by the scheduled run): the group-filtered report uses them too. */
export { continuePreparingAudiences, loadAudience } from './audience';
