import { actions } from '../actions/index.js';
import { restoreInit } from '../backups.js';
import { setDependencies } from '../dependencies.js';
import { setInterfaces } from '../interfaces.js';
import { versionGraph } from '../versions/index.js';
import { sdk } from '../sdk.js';
import { adminPasswordTask } from './adminPasswordTask.js';
import { configureSparksTask } from './configureSparksTask.js';

export const init = sdk.setupInit(
  restoreInit,
  versionGraph,
  setInterfaces,
  setDependencies,
  actions,
  adminPasswordTask,
  configureSparksTask,
);

export const uninit = sdk.setupUninit(versionGraph);
