import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellCommand, ShellValueError, command, joinCommands, quote, shellArg } from './shell.js';
import { ShellRunner } from './testing/sh-runner.js';

/** Values every validator that takes text must refuse. */
const HOSTILE = [
  '; rm -rf /',
  'a; rm -rf /',
  '$(reboot)',
  'a$(id)',
  '`id`',
  'a`id`b',
  'a\nb',
  'a\rb',
  'a\0b',
  '-rf',
  '--help',
  '../etc',
  'a/../b',
  'x'.repeat(5000),
  'abc\u202Efdp',
  '',
  ' ',
  "a'b",
  'a b',
  'a|b',
  'a&b',
  'a>b',
  'a*',
  '~root',
  '$HOME',
];

const VALID: Record<string, { make: (value: string) => unknown; good: string[]; bad?: string[] }> = {
  modelId: {
    make: shellArg.modelId,
    good: ['Qwen/Qwen3-30B-A3B-FP8', 'nvidia/Llama-3.3-Nemotron-Super-49B-v1', 'BAAI/bge-m3', 'a/b_c.d'],
    bad: ['Qwen', 'Qwen/', '/Qwen/x', 'a/b/c', 'a/..b', 'a/b--c', 'a/-b'],
  },
  servedName: {
    make: shellArg.servedName,
    good: ['qwen3-30b', 'Qwen/Qwen3-30B-A3B-FP8', 'model:latest'],
    bad: ['-x', 'a b'],
  },
  localPath: {
    make: shellArg.localPath,
    good: ['/home/spark/models/ft-v2', '/', '/data/x_y+z@1,2=3'],
    bad: ['~/models', 'models', '/a//b', '/a/', '/a/./b', '/a/../b', '/a b'],
  },
  remotePath: {
    make: shellArg.remotePath,
    good: ['~/spark-vllm-docker/launch-cluster.sh', '/home/spark/models/ft-v2', '~/.ssh'],
    bad: ['~', '~/', '~/../x', '~other/x', 'rel/x', '/a/../b'],
  },
  container: {
    make: shellArg.container,
    good: ['vllm_node', 'vllm-node-2', 'bot.1'],
    bad: ['_x', '.x', 'a/b', 'a:b'],
  },
  host: {
    make: shellArg.host,
    good: ['spark-1.lan', '10.0.0.2', '192.168.1.20', 'fd00::2', '::1', 'localhost'],
    bad: ['spark-1.lan:22', '[::1]', 'a..b', 'a_b.lan', '1.2.3.4.5.6:7', 'fe80::1%eth0'],
  },
  unixUser: {
    make: shellArg.unixUser,
    good: ['spark', '_svc', 'ai-bot'],
    bad: ['Spark', '1user', 'root:x', 'a'.repeat(33)],
  },
  gitBranch: {
    make: shellArg.gitBranch,
    good: ['main', 'release/1.2', 'feature/x_y'],
    bad: ['a..b', 'a//b', 'x.lock', 'x/', 'a b'],
  },
  serviceId: {
    make: shellArg.serviceId,
    good: ['vllm', 'parakeet-asr', 'qdrant2'],
    bad: ['Vllm', 'a_b', 'a.b'],
  },
  publicKey: {
    make: shellArg.publicKey,
    good: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII6d95FycbT9HmXXdeZpEW/H6ScHX+PYcQYWj8I++KSB spark-control'],
    bad: ['ssh-rsa AAAA', 'ssh-ed25519 AAAA x\nssh-ed25519 BBBB'],
  },
};

describe('shellArg validators', () => {
  for (const [name, { make, good, bad = [] }] of Object.entries(VALID)) {
    describe(name, () => {
      it.each(good)('accepts %j', (value) => {
        expect(String(make(value))).toContain(value.replace(/^~\//, ''));
      });
      it.each([...HOSTILE, ...bad])('refuses %j', (value) => {
        expect(() => make(value)).toThrow(ShellValueError);
      });
    });
  }

  it('names the field in the error', () => {
    expect(() => shellArg.container('; rm -rf /')).toThrow(/^container name /);
    expect(() => shellArg.modelId('$(id)')).toThrow(expect.objectContaining({ field: 'model id' }));
  });

  it('flag takes long options only; token applies the caller pattern on top of the common refusals', () => {
    expect(String(shellArg.flag('--enable-prefix-caching'))).toBe('--enable-prefix-caching');
    for (const bad of ['-x', '--', '--a b', '--$(id)', '--x;y', 'x', '--X', `--${'a'.repeat(60)}`]) {
      expect(() => shellArg.flag(bad)).toThrow(ShellValueError);
    }
    expect(String(shellArg.token('parser', 'hermes', /^[a-z0-9_]+$/))).toBe(`'hermes'`);
    expect(() => shellArg.token('parser', 'her mes', /^[a-z0-9_]+$/)).toThrow(/^parser /);
    for (const bad of ['-x', 'a\nb', 'a\u202Eb', 'x'.repeat(5000), '']) {
      expect(() => shellArg.token('anything', bad, /.*/s)).toThrow(ShellValueError);
    }
    expect(String(shellArg.token('anything', '; rm -rf /', /.*/))).toBe(`'; rm -rf /'`);
  });

  it('ports are whole numbers from 1 to 65535', () => {
    expect(String(shellArg.port(8888))).toBe('8888');
    for (const bad of [0, -1, 65536, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => shellArg.port(bad)).toThrow(ShellValueError);
    }
    expect(() => shellArg.port('22; id' as unknown as number)).toThrow(ShellValueError);
  });

  it('renders ~/ paths through "$HOME" and absolute paths quoted', () => {
    expect(String(shellArg.remotePath('~/spark-vllm-docker/launch-cluster.sh'))).toBe(
      `"$HOME"/'spark-vllm-docker/launch-cluster.sh'`,
    );
    expect(String(shellArg.remotePath('/opt/x'))).toBe(`'/opt/x'`);
  });

  describe('envAssignment', () => {
    it.each([
      ['-v $HOME/models:/models', `VLLM_SPARK_EXTRA_DOCKER_ARGS='-v '"$HOME"'/models:/models'`],
      [
        '--shm-size=16g -e HF_HUB_OFFLINE=1',
        `VLLM_SPARK_EXTRA_DOCKER_ARGS='--shm-size=16g -e HF_HUB_OFFLINE=1'`,
      ],
      ['$HOME', `VLLM_SPARK_EXTRA_DOCKER_ARGS="$HOME"`],
    ])('accepts %j', (value, rendered) => {
      expect(String(shellArg.envAssignment('VLLM_SPARK_EXTRA_DOCKER_ARGS', value))).toBe(rendered);
    });
    it.each([
      ...HOSTILE.filter((v) => !['-rf', '--help', '$HOME', 'a b'].includes(v)),
      '$USER',
      '-v $HOME/..:/x',
      '$HOMEX',
      '~/m:/m',
      'a  b',
      ' a',
    ])('refuses %j', (value) => {
      expect(() => shellArg.envAssignment('VLLM_SPARK_EXTRA_DOCKER_ARGS', value)).toThrow(ShellValueError);
    });
    it.each(['lower', '1X', 'A-B', 'A B', 'X;Y', ''])('refuses the name %j', (name) => {
      expect(() => shellArg.envAssignment(name, 'x')).toThrow(/environment variable name/);
    });
  });

  it('json quotes one document and refuses invisible characters', () => {
    expect(String(shellArg.json('generation config', { temperature: 0.6 }))).toBe(`'{"temperature":0.6}'`);
    expect(String(shellArg.json('x', { a: "it's" }))).toBe(`'{"a":"it'\\''s"}'`);
    expect(() => shellArg.json('x', { a: '\u202E' })).toThrow(ShellValueError);
    expect(() => shellArg.json('x', undefined)).toThrow(ShellValueError);
    expect(() => shellArg.json('x', { a: 'x'.repeat(5000) })).toThrow(ShellValueError);
  });
});

describe('command', () => {
  it('interpolates validated values, numbers, lists and commands', () => {
    const container = shellArg.container('vllm_node');
    const inner = command`docker logs --tail ${200} ${container}`;
    expect(inner.text).toBe(`docker logs --tail 200 'vllm_node'`);
    const args = [shellArg.host('10.0.0.1'), shellArg.host('10.0.0.2')];
    expect(command`ping ${args} && ${inner}`.text).toBe(
      `ping '10.0.0.1' '10.0.0.2' && docker logs --tail 200 'vllm_node'`,
    );
    expect(command`bash -c ${shellArg.script(inner)}`.text).toBe(
      `bash -c 'docker logs --tail 200 '\\''vllm_node'\\'''`,
    );
    expect(joinCommands([inner, command`true`], '||').text).toBe(
      `docker logs --tail 200 'vllm_node' || true`,
    );
  });

  it('refuses unvalidated strings at compile time and at run time', () => {
    const hostile = '; rm -rf /';
    // @ts-expect-error a plain string cannot be interpolated
    expect(() => command`echo ${hostile}`).toThrow(ShellValueError);
    // @ts-expect-error a list of strings cannot be interpolated either
    expect(() => command`echo ${[hostile]}`).toThrow(ShellValueError);
    expect(() => command`echo ${Number.NaN}`).toThrow(ShellValueError);
    const forged = Object.assign(['echo ', ''], { raw: ['echo ', ''] }) as unknown as TemplateStringsArray;
    expect(() => command(forged, shellArg.container('x'))).toThrow(/tagged template/);
    const forge = () => {
      // @ts-expect-error ShellCommand cannot be constructed outside the module
      new ShellCommand(Symbol('forged'), hostile);
    };
    expect(forge).toThrow(ShellValueError);
  });
});

describe('quote reaches a real /bin/sh unchanged', () => {
  let shell: ShellRunner;
  beforeAll(() => {
    shell = new ShellRunner();
  });
  afterAll(() => shell.close());

  const hostileChars = fc.constantFrom(
    ...'\'"\\$`!*?[]{}()<>|&;#~ \t\n\r=%^-'.split(''),
    '\u202E',
    'é',
    '😀',
    "'\\''",
  );
  const text = fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.oneof(hostileChars, fc.string({ unit: 'binary-ascii', maxLength: 1 })),
        maxLength: 40,
      }),
    )
    .filter((value) => !value.includes('\0'));

  it('for any string without NUL (10,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        expect(await shell.echo(quote(value))).toEqual(Buffer.from(value, 'utf8'));
      }),
      { numRuns: 10_000 },
    );
  });

  it('for ~/ paths, which expand to the home directory', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_+@=,.-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (segments) => {
        const rest = segments.join('/');
        const rendered = String(shellArg.remotePath(`~/${rest}`));
        expect((await shell.echo(rendered)).toString('utf8')).toBe(`${shell.home}/${rest}`);
      }),
      { numRuns: 500 },
    );
  });

  it('is the quoting real shells agree on (bash too)', () => {
    const value = `a'b"c$(id)\`x\`\\n`;
    expect(execFileSync('bash', ['-c', `printf %s ${quote(value)}`]).toString()).toBe(value);
  });
});
