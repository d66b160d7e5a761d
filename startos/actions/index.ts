import { sdk } from '../sdk.js';
import { configureSparks } from './configureSparks.js';
import { setAdminPassword } from './setAdminPassword.js';

export const actions = sdk.Actions.of().addAction(configureSparks).addAction(setAdminPassword);
