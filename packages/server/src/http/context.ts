import type { Principal } from '../services/auth.js';
import type { ClientInfo } from './client.js';

/** Variables every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    client: ClientInfo;
  };
}
