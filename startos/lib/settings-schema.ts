import { SettingsSchema } from '@spark-control/schema';

/** The parts of a valibot schema or action this module reads (valibot keeps them as plain fields). */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  pipe?: readonly { type: string; requirement?: unknown }[];
}

const root = SettingsSchema as unknown as SchemaNode;

/** A settings path such as `vllm.port` or `sparks[].clusterIp` (`[]`: every item of a list). */
export type SettingsPath = string;

/** The schema inside `optional(…)` and `nullable(…)`: a blank optional field is still that field. */
function unwrap(node: SchemaNode): SchemaNode {
  return (node.type === 'optional' || node.type === 'nullable') && node.wrapped ? unwrap(node.wrapped) : node;
}

const isObject = (node: SchemaNode) => node.type === 'strict_object' || node.type === 'object';

/**
 * Every field of SettingsSchema that holds a value: objects are walked into, lists of objects
 * are walked into as `name[]`, anything else (numbers, text, toggles, lists of text) is a leaf.
 */
export function settingsLeaves(node: SchemaNode = root, prefix = ''): SettingsPath[] {
  const current = unwrap(node);
  if (isObject(current)) {
    return Object.entries(current.entries ?? {}).flatMap(([key, child]) =>
      settingsLeaves(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (current.type === 'array' && current.item && isObject(unwrap(current.item)))
    return settingsLeaves(current.item, `${prefix}[]`);
  return [prefix];
}

function schemaAt(path: SettingsPath): SchemaNode {
  let node = unwrap(root);
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const child = node.entries?.[list ? part.slice(0, -2) : part];
    if (!child) throw new Error(`SettingsSchema has no field ${path}`);
    node = unwrap(child);
    if (list) {
      if (!node.item) throw new Error(`SettingsSchema field ${path} is not a list`);
      node = unwrap(node.item);
    }
  }
  return node;
}

/** The bounds SettingsSchema puts on a number field, for the form to offer the same range. */
export function numberBounds(path: SettingsPath): { min: number; max: number } {
  const actions = schemaAt(path).pipe ?? [];
  const bound = (type: string) => actions.find((action) => action.type === type)?.requirement;
  const min = bound('min_value');
  const max = bound('max_value');
  if (typeof min !== 'number' || typeof max !== 'number')
    throw new Error(`SettingsSchema field ${path} has no number range`);
  return { min, max };
}
