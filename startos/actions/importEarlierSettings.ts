import { SECRET_MASK } from '@spark-control/schema';
import type { I18nKey } from '../i18n/dictionaries/default.js';
import { i18n, translateIfKnown } from '../i18n/index.js';
import { validateSettings } from '../lib/configure-form.js';
import { readJsonObject } from '../lib/files.js';
import { fieldLabel } from '../lib/form-errors.js';
import { applyImport, lineFor, parseEarlierSettings, type RejectedLine } from '../lib/import-settings.js';
import { clearUpgradeMarker } from '../lib/upgrade.js';
import { settingsFile } from '../lib/volume.js';
import { sdk } from '../sdk.js';
import { writeSettingsFile } from './configureSparks.js';

const { InputSpec, Value } = sdk;

export const inputSpec = InputSpec.of({
  lines: Value.textarea({
    name: i18n('Earlier settings'),
    description: i18n(
      'Paste the earlier Spark Control package’s settings, one KEY=value per line (spark1_host=…, VLLM_PORT=…, NVIDIA_API_KEY=…).',
    ),
    required: true,
    default: null,
    minRows: 6,
    maxRows: 20,
    placeholder: 'spark1_host=192.168.1.50\nVLLM_PORT=8888',
  }),
  save: Value.toggle({
    name: i18n('Save these settings'),
    description: i18n(
      'Leave off to see what would be saved first. Nothing is written until you switch this on.',
    ),
    default: false,
  }),
});

const REASONS: Record<RejectedLine['reason'], I18nKey> = {
  'not KEY=value': 'not a KEY=value line',
  'unknown setting': 'not a setting Spark Control knows',
  'not an address': 'not an IP address or hostname',
  'not a port': 'must be a port from 1 to 65535',
  'not a container name': 'must be a Docker container name: letters, digits, _ . and -',
  'not a Linux user name': 'must be a Linux user name: lowercase letters, digits, _ and -',
  'not true or false': 'must be true or false',
  'empty value': 'has no value',
  'unknown services': 'names services Spark Control does not know',
};

const rejectedText = (entry: RejectedLine) =>
  `${i18n('line ${line}', { line: String(entry.line) })}: ${i18n(REASONS[entry.reason])} (${entry.detail})`;

/** Parses the pasted lines over the current settings; the preview or the write that follows. */
export async function importEarlierSettings(lines: string, save: boolean, file = settingsFile()) {
  const { imported, rejected } = parseEarlierSettings(lines);
  const current = (await readJsonObject(file)) ?? {};
  const next = applyImport(current, imported);
  const validation = validateSettings(next);
  const problems = validation.success
    ? []
    : validation.errors.map((error) => {
        const source = lineFor(imported, error.path, next);
        const where = source
          ? `${i18n('line ${line}', { line: String(source.line) })} (${source.key})`
          : fieldLabel(error.path);
        return `${where ? `${where}: ` : ''}${translateIfKnown(error.message)}`;
      });
  if (save && problems.length > 0) {
    throw new Error(
      `${i18n('Nothing was saved. Please correct:')}\n${[...problems, ...rejected.map(rejectedText)]
        .map((line) => `- ${line}`)
        .join('\n')}`,
    );
  }
  if (save) {
    await writeSettingsFile(next, file);
    await clearUpgradeMarker();
  }
  return { imported, rejected, problems, saved: save };
}

const single = (name: string, value: string, description: string | null, masked = false) => ({
  type: 'single' as const,
  name,
  description,
  value,
  masked,
  copyable: false,
  qr: false,
});

// Kept between a preview and the run that saves, so the owner need not paste twice.
let draft: string | null = null;

export const importEarlierSettingsAction = sdk.Action.withInput(
  'import-earlier-settings',
  {
    name: i18n('Import Earlier Settings'),
    description: i18n(
      'Bring over the settings of the earlier Spark Control package: paste its KEY=value lines, check the preview, then save.',
    ),
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  inputSpec,
  () => Promise.resolve(draft === null ? { save: false } : { lines: draft, save: false }),
  async ({ input }) => {
    const outcome = await importEarlierSettings(input.lines, input.save);
    draft = outcome.saved ? null : input.lines;
    const understood = outcome.imported.map((entry) =>
      single(
        entry.path,
        entry.secret ? SECRET_MASK : JSON.stringify(entry.value),
        i18n('line ${line}', { line: String(entry.line) }) + ` (${entry.key})`,
        entry.secret,
      ),
    );
    const notUnderstood = outcome.rejected.map((entry) =>
      single(i18n('line ${line}', { line: String(entry.line) }), entry.text.trim(), rejectedText(entry)),
    );
    const problems = outcome.problems.map((problem, index) => single(`${index + 1}`, problem, null));
    return {
      version: '1',
      title: outcome.saved ? i18n('Earlier settings saved') : i18n('Preview: nothing saved yet'),
      message: outcome.saved
        ? i18n('Run Configure Sparks to check the result and fill in what the earlier package did not have.')
        : outcome.problems.length > 0
          ? i18n('These settings cannot be saved as they are: see Problems.')
          : i18n('Run this action again with Save these settings switched on to write them.'),
      result: {
        type: 'group',
        value: [
          { type: 'group', name: i18n('Understood'), description: null, value: understood },
          { type: 'group', name: i18n('Not understood'), description: null, value: notUnderstood },
          ...(problems.length > 0
            ? [{ type: 'group' as const, name: i18n('Problems'), description: null, value: problems }]
            : []),
        ],
      },
    };
  },
);
