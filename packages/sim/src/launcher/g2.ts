import { join } from 'node:path';
import { cleanup, modProblem, requiredNodes, status, type Launch } from './common.js';
import { allNodes, detectInterfaces, detectNodes, type Detection } from './detect.js';
import { readDotEnv, type DotEnv } from './dotenv.js';
import { parseG2 } from './g2-args.js';
import { CACHE_DIRS, dockerArgs, sshCheck, startCluster } from './g2-cluster.js';
import { execNoRayCluster, execOnHead } from './g2-exec.js';
import { err, out, type NodeShell } from './shell.js';
import type { Trap } from './signals.js';
import { usage } from './usage.js';

/** The fake `launch-cluster.sh` of spark-vllm-docker G2 (contracts/spark-vllm-docker.md). */
export async function launchG2(
  shell: NodeShell,
  args: string[],
  script: string,
  trap: Trap,
): Promise<number> {
  const { context } = shell;
  const parsed = parseG2(args);
  if ('exit' in parsed) {
    for (const line of parsed.lines) out(line);
    if (parsed.usage) for (const line of usage('G2', script)) out(line);
    return parsed.exit;
  }
  const { options } = parsed;
  const home = process.env.HOME ?? context.spark.home;
  const scriptDir = process.env.SIM_SCRIPT_DIR ?? join(home, 'spark-vllm-docker');
  const configFile = options.configFile || join(scriptDir, '.env');
  let dotenv: DotEnv = {};
  const loaded = readDotEnv(configFile);
  if (loaded) {
    out('Loading configuration from .env file...');
    if ('error' in loaded) {
      out(loaded.error);
      return 1;
    }
    dotenv = loaded.values;
    out(
      `Loaded .env variables: ${Object.keys(dotenv)
        .map((key) => `DOTENV_${key} `)
        .join('')}`,
    );
  } else if (options.configFile) {
    out(`Error: Config file not found: ${configFile}`);
    return 1;
  }
  // Command-line flags win, except a default --name / --master-port, which .env replaces.
  if (!options.nodesArg && dotenv.CLUSTER_NODES) options.nodesArg = dotenv.CLUSTER_NODES;
  if (!options.ethIf && dotenv.ETH_IF) options.ethIf = dotenv.ETH_IF;
  if (!options.ibIf && dotenv.IB_IF) options.ibIf = dotenv.IB_IF;
  if (options.masterPort === '29501' && dotenv.MASTER_PORT) options.masterPort = dotenv.MASTER_PORT;
  if (options.name === 'vllm_node' && dotenv.CONTAINER_NAME) options.name = dotenv.CONTAINER_NAME;
  const docker = dockerArgs(options, dotenv, home);
  for (const mod of options.mods) {
    const problem = modProblem(mod);
    if (problem) {
      out(problem);
      return 1;
    }
  }

  const detection: Detection = {
    ethIf: options.ethIf,
    ibIf: options.ibIf,
    localIp: dotenv.LOCAL_IP ?? '',
    nodesArg: options.nodesArg,
    peers: [],
    cidr: '',
  };
  if (options.solo) {
    detection.localIp ||= '127.0.0.1';
    detection.nodesArg = detection.localIp;
    out('Solo mode enabled. Skipping node detection.');
  } else if (
    !detectInterfaces(context, 'G2', detection) ||
    !(await detectNodes(shell, 'G2', detection, dotenv.CLUSTER_NODES))
  ) {
    return 1;
  }
  if (!detection.nodesArg) {
    out('Error: Nodes argument (-n) is mandatory or could not be auto-detected.');
    for (const line of usage('G2', script)) out(line);
    return 1;
  }
  if (!allNodes(detection).includes(detection.localIp)) {
    out(`Error: Local IP (${detection.localIp}) is not in the list of nodes (${detection.nodesArg}).`);
    return 1;
  }
  let solo = options.solo;
  if (!solo && detection.peers.length === 0) {
    out('Only local node detected/configured. Activating solo mode (no Ray cluster).');
    solo = true;
  }
  if (solo && options.rayExplicit) {
    out('Error: --ray is incompatible with --solo or a single-node configuration.');
    return 1;
  }
  if (solo && options.noRayExplicit) {
    out('Error: --no-ray is incompatible with --solo or a single-node configuration.');
    return 1;
  }
  const noRay = options.noRay && !solo;
  const launch: Launch = {
    shell,
    generation: 'G2',
    name: options.name,
    image: options.image,
    headIp: detection.localIp,
    peers: solo ? [] : detection.peers,
    clusterWasRunning: false,
  };
  out(`Head Node: ${launch.headIp}`);
  out(`Worker Nodes: ${launch.peers.join(' ')}`);
  out(`Container Name: ${launch.name}`);
  out(`Image Name: ${launch.image}`);
  out(`Action: ${options.action}`);
  if (options.action === 'start' || options.action === 'exec' || options.checkConfig) {
    if (!(await sshCheck(launch))) return 1;
  }
  if (!options.action && !options.checkConfig) {
    out('Error: No action specified. Use: start | stop | status | exec');
    for (const line of usage('G2', script)) out(line);
    return 1;
  }
  if (options.checkConfig) {
    out('Configuration Check Complete.');
    out(`  Image Name: ${launch.image}`);
    out(`  ETH Interface: ${detection.ethIf}`);
    out(`  IB Interface: ${detection.ibIf}`);
    out(`  Docker Args: ${docker}`);
    out('  Docker Network: host');
    out(
      `  Mounting Cache Dirs: ${options.cacheDirs ? CACHE_DIRS.map((dir) => join(home, dir)).join(' ') : '(Disabled)'}`,
    );
    return 0;
  }
  if (options.action === 'stop') {
    await cleanup(launch);
    return 0;
  }
  if (options.action === 'status') return status(launch, !noRay);
  if (!options.daemon) trap.arm(() => cleanup(launch));

  let command = options.command;
  if (options.action === 'exec') {
    if (
      !solo &&
      !noRay &&
      /(^|\s)vllm\s+serve(\s|$)/.test(command) &&
      !/--distributed-executor-backend(=|\s|$)/.test(command)
    ) {
      err('Adding --distributed-executor-backend ray for Ray mode.');
      command = `${command} --distributed-executor-backend ray`;
    }
    const required = solo || launch.peers.length === 0 ? undefined : requiredNodes(command);
    const total = 1 + launch.peers.length;
    if (required !== undefined && required > total) {
      out(
        `Error: Command requires ${required} nodes (${sizes(command)}) but only ${total} node(s) are configured.`,
      );
      return 1;
    }
    if (required !== undefined && required < total) {
      out(
        `Note: Command requires ${required} node(s) (${sizes(command)}); using ${required} of ${total} configured node(s).`,
      );
      launch.peers = launch.peers.slice(0, required - 1);
    }
  }
  if (
    !(await startCluster(
      launch,
      detection,
      docker,
      home,
      solo || noRay,
      options.cacheDirs,
      options.masterPort,
    ))
  )
    return 1;
  if (options.action === 'start') {
    if (options.daemon) {
      out('Cluster started in background (Daemon mode).');
      return 0;
    }
    out('Cluster started. Tailing logs from head node...');
    out('Press Ctrl+C to stop the cluster.');
    await shell.dockerLive(['logs', '-f', launch.name]);
    return 0;
  }
  out(`Executing command: ${command}`);
  if (noRay && launch.peers.length > 0 && /vllm serve/.test(command))
    return execNoRayCluster(launch, command, options.masterPort, options.daemon);
  return execOnHead(launch, command, options.daemon);
}

function sizes(command: string): string {
  const words = command.replace(/(--[a-z-]*)=/g, '$1 ').split(/\s+/);
  const size = (...flags: string[]) => {
    const at = words.findIndex((word) => flags.includes(word));
    return at >= 0 && /^\d+$/.test(words[at + 1] ?? '') ? words[at + 1] : '1';
  };
  return `tp=${size('-tp', '--tensor-parallel-size')} * pp=${size('-pp', '--pipeline-parallel-size')} * dp=${size('-dp', '--data-parallel-size')}`;
}
