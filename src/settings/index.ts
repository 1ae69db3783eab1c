/** The public entry of settings: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { currentSettings, currentStoredSettings } from './settings-source';
export { readApiToken, writeApiTokenRecord } from './storage/api-token-store';
export { currentApiToken, isValidApiToken, revokeApiToken, rotateApiToken } from './view-api-token';
