import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSparkHosts, startCluster, type SimCluster } from '@spark-control/sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPublicKey } from './copy-key.js';
import { SshDisconnectedError } from './errors.js';
import { HostKeyStore } from './host-keys.js';
import { ControllerKey } from './keys.js';
import { SshPool } from './pool.js';
import { command, shellArg } from './shell.js';

const PASSWORD = 'sim-one-time-password';

/** The adapter against the simulated Spark's SSH server (packages/sim), the one the other services' tests use. */
describe('against the simulated Spark', () => {
  let dir: string;
  let sim: SimCluster;
  let key: ControllerKey;
  let hostKeys: HostKeyStore;
  let pool: SshPool;
  const spark = () => {
    const simulated = sim.sparks[0];
    if (!simulated) throw new Error('no simulated Spark');
    return { id: simulated.id, host: simulated.host, sshPort: simulated.sshPort, sshUser: 'spark' };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssh-sim-'));
    sim = await startCluster({
      root: join(dir, 'sim'),
      hosts: randomSparkHosts(1),
      sparks: 1,
      sshPort: 0,
      password: PASSWORD,
      services: false,
      cloud: false,
      control: false,
    });
    key = await ControllerKey.load(join(dir, 'controller'));
    hostKeys = new HostKeyStore(join(dir, 'known_hosts.json'));
    pool = new SshPool({ key, hostKeys });
  });

  afterAll(async () => {
    pool.closeAll();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the key with the password, then runs the docker CLI by key', async () => {
    await expect(pool.exec(spark(), command`true`)).rejects.toMatchObject({ reason: 'auth' });
    expect(await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys })).toMatchObject({
      added: true,
    });
    expect(await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys })).toMatchObject({
      added: false,
    });

    const container = shellArg.container('vllm_node');
    const ps = await pool.exec(
      spark(),
      command`docker ps -a --filter name=^${container}$ --format '{{json .}}'`,
    );
    expect(ps).toMatchObject({ code: 0, stdout: '' });
    const inspect = await pool.exec(spark(), command`docker inspect ${container}`);
    expect(inspect.code).toBe(1);
    expect(inspect.stdout.trim()).toBe('[]');
    expect(inspect.stderr).toMatch(/No such object: vllm_node/);
  });

  it("runs the bot's user and the controller's user on one Spark at once, neither cutting the other", async () => {
    const controller = spark();
    const bot = { ...spark(), sshUser: 'bot' };
    // A bot update and a swap's log stream: long commands of two users on the same Spark.
    const slow = command`echo "$USER started"; sleep 2; echo "$USER finished"`;
    const update = pool.exec(bot, slow);
    const lines: string[] = [];
    const follow = (async () => {
      for await (const line of pool.stream(controller, slow)) lines.push(line.line);
    })();
    // Meanwhile the hardware card and the health check log in as the controller, the bot tile as the bot.
    for (let round = 0; round < 4; round++) {
      expect((await pool.exec(controller, command`echo "$USER"`)).stdout).toBe('spark\n');
      expect((await pool.exec(bot, command`echo "$USER"`)).stdout).toBe('bot\n');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await update).toMatchObject({ code: 0, stdout: 'bot started\nbot finished\n' });
    await follow;
    expect(lines).toEqual(['spark started', 'spark finished']);
  });

  it('streams lines and reports a dropped connection as SshDisconnectedError', async () => {
    const stream = pool.stream(spark(), command`for i in 1 2 3; do echo line$i; done`);
    const lines: string[] = [];
    for await (const line of stream) lines.push(line.line);
    expect(lines).toEqual(['line1', 'line2', 'line3']);

    await sim.control.setFaults(spark().id, { sshDropAfterBytes: 64 });
    try {
      const error = await pool
        .exec(spark(), command`for i in $(seq 1 200); do echo padding-line-$i; done; sleep 5`)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshDisconnectedError);
    } finally {
      await sim.control.clearFaults(spark().id);
    }
    expect((await pool.exec(spark(), command`echo reconnected`)).stdout).toBe('reconnected\n');
  });
});
