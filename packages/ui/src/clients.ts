// Typed clients for route factories the app may not mount yet; once app.ts mounts them, `api.api.<name>`
// has the same shape. Only types are imported from the server: nothing of it reaches the bundle.
import { hc } from 'hono/client';
import type { botRoutes } from '../../server/src/routes/bot.js';
import type { privacyRoutes } from '../../server/src/routes/privacy.js';
import type { reasoningRoutes } from '../../server/src/routes/reasoning.js';
import type { sparkRoutes, sshKeyRoutes } from '../../server/src/routes/sparks.js';

const init = { init: { credentials: 'same-origin' as const } };

export const sparksApi = hc<ReturnType<typeof sparkRoutes>>('./api/sparks', init);
export const sshApi = hc<ReturnType<typeof sshKeyRoutes>>('./api/ssh', init);
export const botApi = hc<ReturnType<typeof botRoutes>>('./api/bot', init);
export const privacyApi = hc<ReturnType<typeof privacyRoutes>>('./api', init);
export const reasoningApi = hc<ReturnType<typeof reasoningRoutes>>('./api/reasoning', init);

/**
 * `/api/services` by hand: its route factory pulls in server code (deep.ts) that does not
 * type-check against the DOM's Blob types, so its types come from the shared schema instead.
 */
export const servicesApi = {
  list: () => fetch('api/services', { credentials: 'same-origin' }),
  history: (id: string, hours = 24) =>
    fetch(`api/services/${encodeURIComponent(id)}/history?hours=${hours}`, { credentials: 'same-origin' }),
  deep: (id: string) =>
    fetch(`api/services/${encodeURIComponent(id)}/deep`, { method: 'POST', credentials: 'same-origin' }),
};
