import { sdk } from './sdk.js';

/** Spark Control talks to the Sparks over the LAN; it depends on no other StartOS service. */
export const setDependencies = sdk.setupDependencies(() => Promise.resolve({}));
