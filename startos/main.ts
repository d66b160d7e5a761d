import { randomBytes } from 'node:crypto';
import { checkSparksReachable } from './health.js';
import { i18n } from './i18n/index.js';
import { sdk } from './sdk.js';
import { dataMountpoint, serverEntrypoint, settingsSubpath, uiDir, uiPort } from './utils.js';

// Settings are not read here on purpose: the server watches settings.json and applies changes
// live, so a Configure Sparks run must never restart this daemon.
export const main = sdk.setupMain(({ effects }) => {
  // The health check's own credential: handed to the server as its environment token, new at
  // every start (the server keeps only the latest one) and never shown anywhere.
  const statusToken = `sc_${randomBytes(32).toString('base64url')}`;
  const mounts = sdk.Mounts.of().mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: dataMountpoint,
    readonly: false,
  });
  const subcontainer = sdk.SubContainer.of(effects, { imageId: 'main' }, mounts, 'spark-control');

  const daemons = sdk.Daemons.of(effects)
    .addOneshot('data-owner', {
      subcontainer,
      // The volume is created by root; the server runs as the image's non-root user.
      exec: { command: ['chown', '-R', 'node:node', dataMountpoint], user: 'root' },
      requires: [],
    })
    .addDaemon('primary', {
      subcontainer,
      exec: {
        command: ['node', serverEntrypoint],
        env: {
          NODE_ENV: 'production',
          HOST: '0.0.0.0',
          PORT: String(uiPort),
          SPARK_CONTROL_DATA: dataMountpoint,
          SPARK_CONTROL_SETTINGS: `${dataMountpoint}/${settingsSubpath}`,
          SPARK_CONTROL_UI_DIR: uiDir,
          SPARK_CONTROL_API_TOKEN: statusToken,
          // StartOS's reverse proxy reaches the container from its default gateway and sets
          // X-Forwarded-For/-Proto itself, dropping any the client sent (docs/startos.md).
          SPARK_CONTROL_TRUSTED_PROXIES: 'gateway',
        },
      },
      ready: {
        display: i18n('Dashboard'),
        gracePeriod: 120_000,
        fn: () =>
          sdk.healthCheck.checkWebUrl(effects, `http://127.0.0.1:${uiPort}/health`, {
            successMessage: i18n('The dashboard is ready'),
            errorMessage: i18n('The dashboard is not ready'),
          }),
      },
      requires: ['data-owner'],
    })
    .addHealthCheck('sparks', {
      ready: { display: i18n('Sparks reachable'), fn: () => checkSparksReachable(statusToken) },
      requires: ['primary'],
    });
  return Promise.resolve(daemons);
});
