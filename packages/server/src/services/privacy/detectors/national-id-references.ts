/**
 * `Versicherungsnummer POL-88213`, `ID INV-2024-0042`: a business's prefix before the digits makes a
 * policy, invoice, order or ticket number, whatever label stands before it.
 */
const BUSINESS_PREFIX =
  /^(?:POL|POLICY|INV|ORD|ORDER|REF|TKT|CASE|CLM|CLAIM|QUO|QTE|PO|SO|RMA|SKU|TRK|SHP|BKG|CNF|TXN)[-/#]\d/;

/**
 * `ID S2024-1187`, `2023-00417`: a running number within a year (a student's, a file's), not a person's identity
 * number; `PR-2026-11`: a payroll or billing run named by its month.
 */
const YEAR_SEQUENCE = /^[A-Z]{0,3}-?(?:19|20)\d\d(?:[-/]\d{3,6}|-(?:0[1-9]|1[0-2]))$/;

/** Is a value after an identity label a business's or a register's running number instead? */
export const referenceNumber = (value: string) => BUSINESS_PREFIX.test(value) || YEAR_SEQUENCE.test(value);
