import { redactSettings, unknownPolicyModels } from '@spark-control/schema';
import { Hono } from 'hono';
import type { SettingsStore } from '../config/settings-store.js';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import type { CatalogService } from '../services/catalog/catalog-service.js';

/**
 * The settings in force, with the errors of a rejected edit and what is wrong with them against the
 * catalog (which the settings file cannot know): a model policy for a model the catalog lacks.
 */
export function settingsRoutes(settings: SettingsStore, catalog: Pick<CatalogService, 'list'>) {
  return new Hono<AppEnv>().get('/', requireScope('admin'), (c) => {
    const catalogIds = catalog.list().models.map((model) => model.id);
    const errors = [
      ...settings.errors,
      ...unknownPolicyModels(settings.current.gateway.modelPolicies, catalogIds),
    ];
    return c.json({ settings: redactSettings(settings.current), errors, file: settings.file });
  });
}
