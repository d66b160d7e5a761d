import { parseSettings, type Settings } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { sshTargetsInUse } from './targets.js';

function settings(input: unknown): Settings {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join('; '));
  return result.settings;
}

const SPARKS = [
  { id: 'spark-1', host: '192.168.1.21', sshUser: 'spark' },
  { id: 'spark-2', host: '192.168.1.22', sshUser: 'spark' },
];

describe('sshTargetsInUse', () => {
  it("lists each Spark as its own user and the bot's Spark as the bot's user", () => {
    const targets = sshTargetsInUse(settings({ sparks: SPARKS, bot: { user: 'bot', sparkId: 'spark-2' } }));
    expect(targets).toEqual([
      { id: 'spark-1', host: '192.168.1.21', sshPort: 22, sshUser: 'spark' },
      { id: 'spark-2', host: '192.168.1.22', sshPort: 22, sshUser: 'spark' },
      { id: 'spark-2', host: '192.168.1.22', sshPort: 22, sshUser: 'bot' },
    ]);
  });

  it('lists only the Sparks when no bot is configured', () => {
    expect(sshTargetsInUse(settings({ sparks: SPARKS })).map((target) => target.sshUser)).toEqual([
      'spark',
      'spark',
    ]);
  });
});
