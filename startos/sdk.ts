import { StartSdk } from '@start9labs/start-sdk';
import { manifest } from './manifest/index.js';

/** The SDK bound to this package's manifest; everything else goes through it. */
export const sdk = StartSdk.of().withManifest(manifest).build(true);
