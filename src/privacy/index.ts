/** The public entry of privacy: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { pseudonymFor } from './pseudonyms';
