/**
 * Compile-time guarantee, checked by `tsc` (typecheck): the name check takes raw text, so only
 * the cluster's own model may answer it; the `@ts-expect-error` fails the build if that changes.
 */
import type { CloudTier, LocalTier } from '../reasoning/tiers.js';
import { askLocalModel } from './local-names.js';

declare const cloud: CloudTier;
declare const local: LocalTier;
declare const rawText: string;

export async function onlyTheLocalModelIsAsked(): Promise<void> {
  await askLocalModel(local, rawText, 1500);
  // @ts-expect-error raw text must not reach a cloud tier, not even to look for names
  await askLocalModel(cloud, rawText, 1500);
}
