/** What StartOS loads from javascript/index.js. */
import { buildManifest } from '@start9labs/start-sdk';
import { manifest as sdkManifest } from './manifest/index.js';
import { versionGraph } from './versions/index.js';

export { createBackup } from './backups.js';
export { main } from './main.js';
export { init, uninit } from './init/index.js';
export { actions } from './actions/index.js';
export const manifest = buildManifest(versionGraph, sdkManifest);
