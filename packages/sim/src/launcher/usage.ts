import type { LauncherGeneration } from '../layout.js';

/** The usage text each generation prints for `-h`, an unknown argument or a missing action (then exits 1). */
export function usage(generation: LauncherGeneration, script: string): string[] {
  if (generation === 'G1') {
    return [
      `Usage: ${script} [-n <node_ips>] [-t <image_name>] [--name <container_name>] [--eth-if <if_name>] [--ib-if <if_name>] [--nccl-debug <level>] [--check-config] [-d] [action] [command]`,
      '  -n, --nodes     Comma-separated list of node IPs (Optional, auto-detected if omitted)',
      '  -t              Docker image name (Optional, default: vllm-node)',
      '  --name          Container name (Optional, default: vllm_node)',
      '  --eth-if        Ethernet interface (Optional, auto-detected)',
      '  --ib-if         InfiniBand interface (Optional, auto-detected)',
      '  --nccl-debug    NCCL debug level (Optional, one of: VERSION, WARN, INFO, TRACE). If no level is provided, defaults to INFO.',
      '  --apply-mod     Path to directory or zip file containing run.sh to apply before launch (Can be specified multiple times)',
      '  --check-config  Check configuration and auto-detection without launching',
      "  -d              Daemon mode (only for 'start' action)",
      '  action          start | stop | status | exec (Default: start)',
      "  command         Command to run (only for 'exec' action)",
    ];
  }
  return [
    `Usage: ${script} [-n <node_ips>] [-t <image_name>] [--name <container_name>] [--eth-if <if_name>] [--ib-if <if_name>] [--nccl-debug <level>] [--check-config] [--solo] [--ray|--no-ray] [-p <host:container>] [-v <local:container>] [-d] [action] [command]`,
    '  -n, --nodes     Comma-separated list of node IPs (Optional, auto-detected if omitted)',
    '  -t              Docker image name (Optional, default: vllm-node)',
    '  --name          Container name (Optional, default: vllm_node)',
    '  --eth-if        Ethernet interface (Optional, auto-detected)',
    '  --ib-if         InfiniBand interface (Optional, auto-detected)',
    '  -e, --env       Environment variable to pass to container (e.g. -e VAR=val)',
    '  --apply-mod     Path to directory or zip file containing run.sh to apply before launch (Can be specified multiple times)',
    '  --check-config  Check configuration and auto-detection without launching',
    '  --solo          Solo mode: skip autodetection, launch only on current node, do not launch Ray cluster',
    '  --master-port   Port for cluster coordination: Ray head port or PyTorch distributed master port (default: 29501)',
    '  -v, --volume    Map a volume in Docker format (e.g. -v /local/path:/container/path). Can be specified multiple times.',
    '  --ray           Use Ray for multi-node vLLM and add --distributed-executor-backend ray if missing',
    '  --no-ray        Default for multi-node vLLM without Ray (accepted for compatibility)',
    '  --no-cache-dirs Do not mount default cache directories (~/.cache/vllm, ~/.cache/flashinfer, ~/.triton, ~/.tilelang)',
    "  -d              Daemon mode (only for 'start' action)",
    '  --config        Path to .env configuration file (default: .env in script directory)',
    '  action          start | stop | status | exec (Default: start). Not compatible with --launch-script.',
    "  command         Command to run (only for 'exec' action). Not compatible with --launch-script.",
    '',
    'Supported .env file variables:',
    '  CLUSTER_NODES       Comma-separated list of node IPs',
    '  ETH_IF              Ethernet interface name',
    '  IB_IF               InfiniBand interface name',
    '  MASTER_PORT         Port for cluster coordination (default: 29501)',
    '  CONTAINER_NAME      Container name (default: vllm_node)',
    '  LOCAL_IP            Local IP address (for solo mode or override auto-detection)',
    '  CONTAINER_*         Any variable starting with CONTAINER_ (except CONTAINER_NAME)',
  ];
}
