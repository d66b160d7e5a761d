import { configuredSparks, settingsJson } from './fileModels/settings.json.js';
import { i18n } from './i18n/index.js';
import { ClusterWatch, type OwnerNotice } from './lib/cluster-watch.js';
import { newPackageToken, ServerClient, writeServerLink } from './lib/server-link.js';
import { watchText } from './lib/watch-text.js';
import { sdk } from './sdk.js';
import { dataMountpoint, serverEntrypoint, settingsSubpath, uiDir, uiPort } from './utils.js';

export const main = sdk.setupMain(async ({ effects }) => {
  // The package's own credential, new at every start (the server keeps only the latest one).
  const link = { url: `http://127.0.0.1:${uiPort}`, token: newPackageToken() };
  await writeServerLink(link);
  const notify = async (notice: OwnerNotice) => {
    try {
      await sdk.notification.create(effects, notice);
    } catch (error) {
      console.error('Spark Control could not post a StartOS notification:', error);
    }
  };
  const watch = new ClusterWatch({ client: new ServerClient(link), notify, text: watchText() });
  const mounts = sdk.Mounts.of().mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: dataMountpoint,
    readonly: false,
  });
  const subcontainer = sdk.SubContainer.of(effects, { imageId: 'main' }, mounts, 'spark-control');

  // Re-run when the list of Sparks changes, to add or drop their health checks. The server's
  // entry does not change, so the reconciler leaves it running: settings apply live, never by restart.
  return sdk.Daemons.dynamic(effects, async ({ effects }) => {
    const sparks = (await settingsJson.read(configuredSparks).const(effects)) ?? [];
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
            SPARK_CONTROL_API_TOKEN: link.token,
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
      .addHealthCheck('gateway', {
        ready: { display: i18n('Gateway'), fn: () => watch.gatewayHealth() },
        requires: ['primary'],
      });
    return sparks.reduce(
      (chain, spark) =>
        chain.addHealthCheck(`spark-${spark.id}`, {
          ready: {
            display: i18n('Spark: ${name}', { name: spark.label }),
            fn: () => watch.sparkHealth(spark.id),
          },
          requires: ['primary'],
        }) as typeof daemons,
      daemons,
    );
  });
});
