import type { SparkContext } from '../layout.js';
import { INSPECT_VALUE_FLAGS, last, parse, type Io } from './args.js';
import { inspectObject, renderTemplate } from './format.js';
import { imageId } from './images.js';
import type { ContainerStore } from './store.js';

/** `docker inspect [-f T] NAME…`: a JSON array, `[]` plus an error for a missing container. */
export function inspect(store: ContainerStore, args: string[], io: Io): number {
  const parsed = parse(args, INSPECT_VALUE_FLAGS, false);
  const format = last(parsed, '-f', '--format');
  const found: Record<string, unknown>[] = [];
  let code = 0;
  for (const name of parsed.positional) {
    const record = store.get(name);
    if (!record) {
      io.err(`Error: No such object: ${name}\n`);
      code = 1;
      continue;
    }
    found.push(inspectObject(record));
  }
  if (format) {
    for (const object of found) io.out(`${renderTemplate(format, object)}\n`);
  } else {
    io.out(`${JSON.stringify(found, null, 4)}\n`);
  }
  return code;
}

/** `docker image inspect [-f T] IMAGE…`. */
export function imageInspect(context: SparkContext, args: string[], io: Io): number {
  const parsed = parse(args, INSPECT_VALUE_FLAGS, false);
  const format = last(parsed, '-f', '--format');
  let code = 0;
  const found: Record<string, unknown>[] = [];
  for (const image of parsed.positional) {
    const id = imageId(context, image);
    if (!id) {
      io.err(`Error response from daemon: No such image: ${image}\n`);
      code = 1;
      continue;
    }
    found.push({
      Id: id,
      RepoTags: [image.includes(':') ? image : `${image}:latest`],
      Architecture: 'arm64',
      Os: 'linux',
    });
  }
  if (format) for (const object of found) io.out(`${renderTemplate(format, object)}\n`);
  else io.out(`${JSON.stringify(found, null, 4)}\n`);
  return code;
}
