import { api } from './api.js';

/** Short names for the API's resources; all are the one typed `hc<AppType>` client. */
export const servicesApi = api.api.services;
export const sparksApi = api.api.sparks;
export const botApi = api.api.bot;
export const privacyApi = api.api;
export const reasoningApi = api.api.reasoning;
