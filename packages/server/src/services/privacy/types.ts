/** What the gateway recognises; the type is the first part of a token (`[[EMAIL_1_x7f3ab]]`). */
export const ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'CARD',
  'IBAN',
  'SSN',
  'IP',
  'MAC',
  'URL',
  'SECRET',
  'ADDRESS',
  'DOB',
  'PLATE',
  'PERSON',
  'HOST',
  'LITERAL',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Types found by patterns and checksums, as opposed to names found by lists and NLP. */
export const PATTERN_TYPES: ReadonlySet<EntityType> = new Set(ENTITY_TYPES.filter((t) => t !== 'PERSON'));

/** A half-open range [start, end) of the text a detector ran on. */
export interface Span {
  start: number;
  end: number;
  type: EntityType;
}

const MOST_SPECIFIC_FIRST: readonly EntityType[] = [
  'LITERAL',
  'CARD',
  'IBAN',
  'SSN',
  'SECRET',
  'EMAIL',
  'IP',
  'MAC',
  'URL',
  'HOST',
  'DOB',
  'PLATE',
  'ADDRESS',
  'PHONE',
  'PERSON',
];

/** Ties on an identical range go to the more specific type (a checksum beats a loose pattern). */
export const TYPE_PRIORITY: Readonly<Record<EntityType, number>> = Object.fromEntries(
  MOST_SPECIFIC_FIRST.map((type, index) => [type, index]),
) as Record<EntityType, number>;
