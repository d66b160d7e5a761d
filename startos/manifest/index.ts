import { setupManifest } from '@start9labs/start-sdk';
import { long, short } from './i18n.js';

// s9pk.mk reads the package id from the one line below that names it.
export const manifest = setupManifest({
  id: 'spark-control',
  title: 'Spark Control',
  license: 'MIT',
  packageRepo: 'https://github.com/spark-control/spark-control',
  upstreamRepo: 'https://github.com/spark-control/spark-control',
  marketingUrl: 'https://github.com/spark-control/spark-control',
  donationUrl: null,
  description: { short, long },
  volumes: ['main'],
  images: {
    main: {
      // Built from the repository's root Dockerfile; start-cli runs docker from the repository root.
      source: { dockerBuild: { workdir: '.', dockerfile: 'Dockerfile' } },
      arch: ['x86_64', 'aarch64'],
    },
  },
  dependencies: {},
});
