import { addConsumer, availableKb, GB10_MEM_TOTAL_KB } from '../memory.js';

// vLLM's startup memory check, as `request_memory` in vllm/v1/worker/utils.py does it (read upstream,
// vllm-project/vllm): requested = ceil(total × --gpu-memory-utilization); when the device's free memory is
// below that, the worker raises
//   ValueError: Free memory on device cuda:0 (<free>/<total> GiB) on startup is less than desired GPU
//   memory utilization (<utilization>, <requested> GiB). Decrease GPU memory utilization or reduce GPU
//   memory used by other processes.
// with every size through `format_gib` (vllm/utils/mem_utils.py: `f"{round(b / GiB_bytes, 2)}"`, so
// Python's float repr: 12.3, 107.64, 12.0). On an integrated GPU such as GB10, `MemorySnapshot.measure`
// replaces the free memory with psutil's `virtual_memory().available`, i.e. MemAvailable; the total is
// the unified pool, here the simulated MemTotal.

const GIB = 1 << 30;
const DEVICE_TOTAL_BYTES = GB10_MEM_TOTAL_KB * 1024;

/** How Python's `str()` prints a float: the shortest repr, and `.0` for whole numbers. */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** vLLM's `format_gib`. */
export function formatGib(bytes: number): string {
  return pythonFloat(Math.round((bytes / GIB) * 100) / 100);
}

export type MemoryRequest = { ok: true; requestedKb: number } | { ok: false; error: string };

/** `request_memory`: what vLLM asks for, or the ValueError's message when the Spark has too little free. */
export function requestMemory(stateDir: string, lagMs: number, utilization: number): MemoryRequest {
  const requested = Math.ceil(DEVICE_TOTAL_BYTES * utilization);
  const free = availableKb(stateDir, lagMs) * 1024;
  if (free >= requested) return { ok: true, requestedKb: Math.ceil(requested / 1024) };
  return {
    ok: false,
    error:
      `ValueError: Free memory on device cuda:0 (${formatGib(free)}/${formatGib(DEVICE_TOTAL_BYTES)} GiB) on startup ` +
      `is less than desired GPU memory utilization (${pythonFloat(utilization)}, ${formatGib(requested)} GiB). ` +
      'Decrease GPU memory utilization or reduce GPU memory used by other processes.',
  };
}

/**
 * Checks, then holds the memory for this process (pid) under its container's name, as vLLM preallocates
 * `--gpu-memory-utilization` × total. Without a container (a vLLM started outside the simulated Sparks,
 * e.g. by a unit test) it checks but holds nothing.
 */
export function claimMemory(
  stateDir: string,
  lagMs: number,
  utilization: number,
  container: string | undefined,
  pid = process.pid,
): MemoryRequest {
  const request = requestMemory(stateDir, lagMs, utilization);
  if (request.ok && container !== undefined)
    addConsumer(stateDir, { pid, container, kb: request.requestedKb, startedAt: Date.now() });
  return request;
}
