import { i18n } from './i18n/index.js';
import { sdk } from './sdk.js';
import { uiHostId, uiPort } from './utils.js';

export const setInterfaces = sdk.setupInterfaces(async ({ effects }) => {
  const host = sdk.MultiHost.of(effects, uiHostId);
  const origin = await host.bindPort(uiPort, { protocol: 'http' });
  const ui = sdk.createInterface(effects, {
    name: i18n('Dashboard'),
    id: 'ui',
    description: i18n('The Spark Control dashboard and its API'),
    type: 'ui',
    masked: false,
    schemeOverride: null,
    username: null,
    path: '',
    query: {},
  });
  return [await origin.export([ui])];
});
