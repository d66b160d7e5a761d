/** Helpers for the services' tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceLog } from './http.js';

export function tempStateDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sim-svc-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function captureLog(): ServiceLog & { lines: string[]; errors: string[]; all: () => string } {
  const lines: string[] = [];
  const errors: string[] = [];
  const all: string[] = [];
  return {
    lines,
    errors,
    info: (line) => {
      lines.push(line);
      all.push(line);
    },
    error: (line) => {
      errors.push(line);
      all.push(line);
    },
    all: () => all.join('\n'),
  };
}

/** The error code of a failed fetch (ECONNREFUSED, ECONNRESET, …). */
export async function fetchErrorCode(url: string, init?: RequestInit): Promise<string | undefined> {
  try {
    await fetch(url, init);
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
}

/** Splits an SSE body into its `data:` payloads, checking the exact framing on the way. */
export function sseEvents(body: string): string[] {
  if (!body.endsWith('\n\n'))
    throw new Error(`stream does not end with a blank line: ${JSON.stringify(body.slice(-40))}`);
  return body
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      if (!frame.startsWith('data: ') || frame.includes('\n'))
        throw new Error(`bad SSE frame: ${JSON.stringify(frame)}`);
      return frame.slice('data: '.length);
    });
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
