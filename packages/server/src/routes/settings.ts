import { redactSettings } from '@spark-control/schema';
import { Hono } from 'hono';
import type { SettingsStore } from '../config/settings-store.js';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';

export function settingsRoutes(settings: SettingsStore) {
  return new Hono<AppEnv>().get('/', requireScope('admin'), (c) =>
    c.json({ settings: redactSettings(settings.current), errors: [...settings.errors], file: settings.file }),
  );
}
