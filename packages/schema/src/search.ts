import * as v from 'valibot';

/** Letters, digits, `_` and `-`, at most 64: nothing that can change the Qdrant URL path. */
export const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const CollectionSchema = v.pipe(
  v.string('must be text'),
  v.regex(COLLECTION_NAME, 'must be 1–64 letters, digits, _ or -, starting with a letter or digit'),
);

export const SearchBodySchema = v.strictObject({
  collection: CollectionSchema,
  query: v.pipe(
    v.string('must be text'),
    v.nonEmpty('must not be empty'),
    v.maxLength(8192, 'must be at most 8192 characters'),
  ),
  limit: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1), v.maxValue(100)),
    10,
  ),
  filter: v.optional(v.record(v.string(), v.unknown())),
  rerank: v.optional(v.boolean('must be true or false'), false),
});

export const IndexBodySchema = v.strictObject({
  collection: CollectionSchema,
  documents: v.pipe(
    v.array(
      v.strictObject({
        id: v.optional(
          v.union(
            [v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.integer(), v.minValue(0))],
            'must be text or a whole number',
          ),
        ),
        text: v.pipe(v.string('must be text'), v.nonEmpty('must not be empty')),
        payload: v.optional(v.record(v.string(), v.unknown())),
      }),
    ),
    v.minLength(1, 'must not be empty'),
    v.maxLength(1000, 'must be at most 1000 documents'),
  ),
});
