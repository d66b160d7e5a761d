import type { ModelDef, Settings, Spark } from '@spark-control/schema';

/** The directories local models may live in: the setting, or `/home/<sshUser>/models` of the head. */
export function modelRoots(settings: Settings, head: Spark): string[] {
  return settings.vllm.modelRoots.length > 0 ? settings.vllm.modelRoots : [`/home/${head.sshUser}/models`];
}

/** Why a local model's path is not allowed, or undefined when it is (or the model is from HF). */
export function localPathProblem(settings: Settings, head: Spark, model: ModelDef): string | undefined {
  if (!model.localPath) return undefined;
  const roots = modelRoots(settings, head);
  const path = model.localPath;
  if (roots.some((root) => path.startsWith(`${root}/`))) return undefined;
  return `must lie inside the model roots (${roots.join(', ')})`;
}
