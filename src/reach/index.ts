/** The public entry of reach: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { deleteStoredAudiences } from './storage/audience-store';
export { pageReachFor } from './reach-resolvers';
