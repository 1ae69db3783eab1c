/** The platform self-check: what other capabilities may use. */
export { runPlatformSelfCheckResolver } from './self-check-resolver';
