import { PATTERNS } from '@spark-control/schema';
import type { I18nKey } from '../i18n/dictionaries/default.js';
import { i18n } from '../i18n/index.js';
import { sdk } from '../sdk.js';
import { defaults } from './configure-form.js';
import { numberBounds, type SettingsPath } from './settings-schema.js';

const { InputSpec, Value, Variants } = sdk;

const body = (regex: RegExp) => regex.source.replace(/^\^/, '').replace(/\$$/, '');
const segment = body(PATTERNS.pathSegment);

/**
 * Patterns the form checks while the owner types. They are as strict as the shared schema or a
 * little looser (IPv6, `..` in paths); the schema re-validates every value before anything is saved.
 */
export const FORM_PATTERNS = {
  slug: PATTERNS.slug,
  unixUser: PATTERNS.unixUser,
  containerName: PATTERNS.containerName,
  gitBranch: PATTERNS.gitBranch,
  urlPath: PATTERNS.urlPath,
  ipv4: PATTERNS.ipv4,
  host: new RegExp(`^(?:${body(PATTERNS.ipv4)}|${body(PATTERNS.hostname)}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)$`),
  httpUrl: /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/,
  remotePath: new RegExp(`^(?:~/|/)(?:${segment}(?:/${segment})*)?$`),
  absolutePath: new RegExp(`^/(?:${segment}(?:/${segment})*)?$`),
} as const;

export const pattern = (regex: RegExp, description: I18nKey) => ({
  regex: regex.source,
  description: i18n(description),
});

/** The schema's default for a settings path, as the form shows it ("Default: 8000"). */
export function schemaDefault(path: SettingsPath): unknown {
  let value: unknown = defaults();
  for (const part of path.split('.')) value = (value as Record<string, unknown>)[part];
  return value;
}

const withDefault = (description: I18nKey | null, value: unknown) => {
  const shown = i18n('Default: ${value}', { value: String(value) });
  return description ? `${i18n(description)} ${shown}` : shown;
};

export const portField = (name: I18nKey, fallback: number, description: I18nKey | null = null) =>
  Value.number({
    name: i18n(name),
    description: description ? i18n(description) : null,
    default: fallback,
    required: true,
    min: 1,
    max: 65535,
    integer: true,
    step: 1,
  });

/** A number with the schema's range and default, the default named in its description. */
export function numberField(
  path: SettingsPath,
  options: { name: I18nKey; description?: I18nKey; integer: boolean; units?: I18nKey },
) {
  const { min, max } = numberBounds(path);
  const fallback = schemaDefault(path) as number;
  return Value.number({
    name: i18n(options.name),
    description: withDefault(options.description ?? null, fallback),
    default: fallback,
    required: true,
    min,
    max,
    integer: options.integer,
    step: options.integer ? 1 : null,
    units: options.units ? i18n(options.units) : null,
    placeholder: String(fallback),
  });
}

/** A toggle with the schema's default, named in its description. */
export function toggleField(path: SettingsPath, name: I18nKey, description: I18nKey) {
  const fallback = schemaDefault(path) as boolean;
  return Value.toggle({
    name: i18n(name),
    description: withDefault(description, fallback ? i18n('on') : i18n('off')),
    default: fallback,
  });
}

/**
 * A secret the form never shows back: keep the saved one (the default), enter a new one, or
 * remove it. The saved value stays in settings.json and is never part of the form.
 */
export function secretField(name: I18nKey, description: I18nKey) {
  return Value.union({
    name: i18n(name),
    description: `${i18n(description)} ${i18n('A saved value is never shown again.')}`,
    default: 'keep',
    variants: Variants.of({
      keep: { name: i18n('Keep the saved value (if any)'), spec: InputSpec.of({}) },
      replace: {
        name: i18n('Enter a new value'),
        spec: InputSpec.of({
          value: Value.text({
            name: i18n(name),
            required: true,
            default: null,
            masked: true,
            maxLength: 4096,
          }),
        }),
      },
      clear: { name: i18n('Remove the saved value'), spec: InputSpec.of({}) },
    }),
  });
}
