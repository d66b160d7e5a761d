declare const scrubbed: unique symbol;

/**
 * Text that went through the redaction gateway. Only values of this type may be sent to a
 * cloud model; a plain string does not type-check there.
 */
export type ScrubbedText = string & { readonly [scrubbed]: true };
