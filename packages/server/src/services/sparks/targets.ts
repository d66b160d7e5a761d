import type { Settings } from '@spark-control/schema';
import type { SshTarget } from '../../adapters/ssh/index.js';
import { botPlace } from '../bot/bot.js';
import { sshTarget } from './hardware.js';

/**
 * Every SSH login the controller uses: each Spark as its own user, and the bot's Spark as the bot's
 * user. The pool keeps exactly these connections open (`SshPool.retain`) when the settings change.
 */
export function sshTargetsInUse(settings: Settings): SshTarget[] {
  const bot = botPlace(settings);
  return [...settings.sparks.map(sshTarget), ...(bot ? [bot.target] : [])];
}
