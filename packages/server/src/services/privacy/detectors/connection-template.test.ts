import { describe, expect, it } from 'vitest';
import { detectAll, loadNameLexicon } from './index.js';

describe('connection strings of templates', () => {
  it("reads a template's placeholder password and localhost as no finding, a real one still", async () => {
    const names = await loadNameLexicon([]);
    const spans = (text: string) =>
      detectAll(text, names).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
    expect(spans('.env.example: DATABASE_URL=postgres://user:password@localhost:5432/app_dev')).toEqual([]);
    expect(spans('DATABASE_URL=postgres://app:S3cret-Db-77@db-01.internal:5432/crm')).toEqual([
      'SECRET:S3cret-Db-77',
      'HOST:db-01.internal',
    ]);
    expect(spans('DATABASE_URL=postgres://app:S3cret-Db-77@localhost:5432/crm')).toEqual([
      'SECRET:S3cret-Db-77',
    ]);
  });
});
