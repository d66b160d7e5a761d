/** The port the server listens on inside the container (also its web UI). */
export const uiPort = 9999;

/** Id of the host the web UI is bound on. */
export const uiHostId = 'ui';

/** Where the main volume is mounted in the server's container. */
export const dataMountpoint = '/data';

/** Settings file and admin password file, relative to the main volume. */
export const settingsSubpath = 'settings.json';
export const adminPasswordSubpath = 'admin-password';

/** The built server and UI inside the image (see the root Dockerfile). */
export const serverEntrypoint = '/app/dist/main.js';
export const uiDir = '/app/ui';

/**
 * The image's non-root user (`node` in node:22-slim). Files the actions write on the volume
 * are handed to it so the server can read them.
 */
export const appUid = 1000;
export const appGid = 1000;
