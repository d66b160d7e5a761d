import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import type { PlacementStates } from '../services/placements/placement-states.js';

/** `GET /api/placements`: the vLLM instances, what each serves and what it reserves; any scope. */
export function placementRoutes(states: PlacementStates) {
  return new Hono<AppEnv>().get('/', async (c) => c.json({ placements: await states.list() }));
}
