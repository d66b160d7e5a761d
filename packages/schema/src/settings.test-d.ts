import { expectTypeOf, test } from 'vitest';
import type { Settings, SettingsInput, Spark } from './settings.js';

test('Settings has every default filled in', () => {
  expectTypeOf<Settings['vllm']['port']>().toEqualTypeOf<number>();
  expectTypeOf<Spark['roles']>().toEqualTypeOf<('vllm' | 'stt' | 'tts' | 'embeddings' | 'qdrant')[]>();
  expectTypeOf<Spark['label']>().toEqualTypeOf<string>();
  expectTypeOf<Settings['reasoning']['allowLocalFallback']>().toEqualTypeOf<boolean>();
});

test('SettingsInput leaves defaulted fields optional', () => {
  expectTypeOf<{ sparks: [{ id: 'a'; host: '10.0.0.2' }] }>().toExtend<SettingsInput>();
  expectTypeOf<SettingsInput['vllm']>().toEqualTypeOf<
    | {
        port?: number;
        container?: string;
        launchScript?: string;
        readyTimeoutSec?: number;
        rollback?: boolean;
        modelRoots?: string[];
        hfToken?: string;
      }
    | undefined
  >();
});
