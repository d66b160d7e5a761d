export * from './patterns.js';
export * from './fields.js';
export * from './settings.js';
export * from './events.js';
export * from './api.js';
export * from './reasoning.js';
export * from './catalog.js';
export * from './services.js';
