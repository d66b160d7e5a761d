import { randomUUID } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';

/**
 * A loopback Gitea that follows ../../../../shared/contracts/gitea-releases.md for releases and
 * assets: 201 on create, 409 when the release exists, 404 for an unknown target or release,
 * multipart `attachment` uploads, `browser_download_url` built from a (deliberately wrong)
 * ROOT_URL, and `latest` skipping drafts and prereleases.
 */
export interface FakeRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  url: string;
  html_url: string;
  assets: FakeAsset[];
}

export interface FakeAsset {
  id: number;
  name: string;
  size: number;
  download_count: number;
  created_at: string;
  uuid: string;
  browser_download_url: string;
}

export interface FakeGitea {
  url: string;
  rootUrl: string;
  token: string;
  releases: FakeRelease[];
  files: Map<string, Uint8Array>;
  seedRelease(release: {
    tag: string;
    draft?: boolean;
    prerelease?: boolean;
    assets?: Record<string, Uint8Array>;
  }): FakeRelease;
  close(): Promise<void>;
}

const OWNER = 'lab';
const REPO = 'spark-control';
export const FAKE_REPO = `${OWNER}/${REPO}`;

export async function startFakeGitea(
  options: { rootUrl?: string; targets?: string[] } = {},
): Promise<FakeGitea> {
  // Port 9 (discard) on loopback refuses connections: a ROOT_URL this machine cannot reach.
  const rootUrl = options.rootUrl ?? 'http://127.0.0.1:9/';
  const targets = new Set(options.targets ?? ['main']);
  const token = `gitea-${randomUUID()}`;
  const releases: FakeRelease[] = [];
  const files = new Map<string, Uint8Array>();
  let nextId = 1;
  let clock = Date.parse('2026-11-20T10:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();

  const error = (c: Context, status: 400 | 401 | 404 | 409 | 422, message: string) =>
    c.json({ message, url: `${rootUrl}api/swagger` }, status);
  const authorized = (c: Context) => {
    const header = c.req.header('authorization') ?? '';
    return header === `token ${token}` || header === `Bearer ${token}`;
  };
  const addAsset = (release: FakeRelease, name: string, bytes: Uint8Array): FakeAsset => {
    const uuid = randomUUID();
    files.set(uuid, bytes);
    const asset: FakeAsset = {
      id: nextId++,
      name,
      size: bytes.byteLength,
      download_count: 0,
      created_at: now(),
      uuid,
      browser_download_url: `${rootUrl}attachments/${uuid}`,
    };
    release.assets.push(asset);
    return asset;
  };
  const createRelease = (fields: {
    tag: string;
    target?: string;
    name?: string;
    body?: string;
    draft?: boolean;
    prerelease?: boolean;
  }) => {
    const id = nextId++;
    const release: FakeRelease = {
      id,
      tag_name: fields.tag,
      target_commitish: fields.target ?? 'main',
      name: fields.name ?? fields.tag,
      body: fields.body ?? '',
      draft: fields.draft ?? false,
      prerelease: fields.prerelease ?? false,
      created_at: now(),
      url: `${rootUrl}api/v1/repos/${FAKE_REPO}/releases/${id}`,
      html_url: `${rootUrl}${FAKE_REPO}/releases/tag/${fields.tag}`,
      assets: [],
    };
    releases.push(release);
    return release;
  };

  const repo = new Hono()
    .post('/releases', async (c) => {
      if (!authorized(c)) return error(c, 401, 'token is required');
      const body = await c.req.json<Record<string, unknown>>();
      const tag = typeof body.tag_name === 'string' ? body.tag_name : '';
      if (!tag) return error(c, 422, 'TagName is required');
      const target =
        typeof body.target_commitish === 'string' && body.target_commitish ? body.target_commitish : 'main';
      if (!targets.has(target)) return error(c, 404, `target "${target}" not found`);
      if (releases.some((release) => release.tag_name === tag)) return error(c, 409, 'Release is has no Tag');
      const release = createRelease({
        tag,
        target,
        name: typeof body.name === 'string' ? body.name : tag,
        body: typeof body.body === 'string' ? body.body : '',
        draft: body.draft === true,
        prerelease: body.prerelease === true,
      });
      return c.json(release, 201);
    })
    .get('/releases/latest', (c) => {
      const published = releases
        .filter((release) => !release.draft && !release.prerelease)
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      return published[0] ? c.json(published[0]) : error(c, 404, 'not found');
    })
    .get('/releases/tags/:tag', (c) => {
      const release = releases.find((candidate) => candidate.tag_name === c.req.param('tag'));
      return release ? c.json(release) : error(c, 404, 'not found');
    })
    .post('/releases/:id/assets', async (c) => {
      if (!authorized(c)) return error(c, 401, 'token is required');
      const release = releases.find((candidate) => candidate.id === Number(c.req.param('id')));
      if (!release) return error(c, 404, 'not found');
      const form = await c.req.formData();
      const file = form.get('attachment');
      if (!(file instanceof File)) return error(c, 400, 'Could not determine name of attachment.');
      const name = c.req.query('name') || file.name;
      return c.json(addAsset(release, name, new Uint8Array(await file.arrayBuffer())), 201);
    });

  const app = new Hono().route(`/api/v1/repos/${FAKE_REPO}`, repo).get('/attachments/:uuid', (c) => {
    const bytes = files.get(c.req.param('uuid'));
    if (!bytes) return c.text('not found', 404);
    return c.body(bytes.slice().buffer, 200, { 'Content-Type': 'application/octet-stream' });
  });

  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('fake Gitea has no address');

  return {
    url: `http://127.0.0.1:${address.port}/`,
    rootUrl,
    token,
    releases,
    files,
    seedRelease: ({ tag, draft, prerelease, assets }) => {
      const release = createRelease({ tag, draft: draft ?? false, prerelease: prerelease ?? false });
      for (const [name, bytes] of Object.entries(assets ?? {})) addAsset(release, name, bytes);
      return release;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
