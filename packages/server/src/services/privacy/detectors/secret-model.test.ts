import { describe, expect, it } from 'vitest';
import { loadTuningSets, tuningDigest } from '../fixtures/labelled.js';
import { secretCandidates, secretsByModel } from './secret-model.js';
import { SECRET_MODEL } from './secret-model-weights.js';

const candidates = (text: string) => secretCandidates(text).map((candidate) => candidate.value);
const secrets = (text: string) => secretsByModel(text, []).map((span) => text.slice(span.start, span.end));

describe('the secret model (ADR 0020)', () => {
  it('was learned from the tuning lines as they are now', () => {
    expect(SECRET_MODEL.trainedOn, 'the tuning lines changed: npx tsx scripts/train-models.ts').toBe(
      tuningDigest(loadTuningSets()),
    );
  });

  it('reads words with a digit or a sign passwords are made with, without their quotes, stops or key', () => {
    expect(candidates('Passwort: „Sommer#2025“, Benutzer anna.k, DB_PASS=n3bul4-Stage-88.')).toEqual([
      'Sommer#2025',
      'n3bul4-Stage-88',
    ]);
    expect(candidates('Please reset it, thanks. Upgrade finished.')).toEqual([]);
  });

  it('takes a password after its word in any language the tuning lines spoke, and leaves versions and references', () => {
    expect(
      secrets('Het tijdelijke wachtwoord voor de kassa is Kassa!Winter24, graag direct wijzigen.'),
    ).toEqual(['Kassa!Winter24']);
    expect(secrets('Senha provisória do portal: Portal#2025mar (trocar no primeiro acesso)')).toEqual([
      'Portal#2025mar',
    ]);
    expect(secrets('Upgrade to v2.14.3 finished; see INV-2024-0087 and docs_v2 for details.')).toEqual([]);
  });
});
