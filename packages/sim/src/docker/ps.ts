import { has, last, parse, PS_VALUE_FLAGS, values, type Io } from './args.js';
import { psObject, renderTemplate } from './format.js';
import type { ContainerStore } from './store.js';

/** `docker ps [-a] [-q] [--filter name=…|status=…] [--format …]`. */
export function ps(store: ContainerStore, args: string[], io: Io): number {
  const parsed = parse(args, PS_VALUE_FLAGS, false);
  const all = has(parsed, '-a', '--all');
  const filters = values(parsed, '--filter', '-f');
  let nameFilters: RegExp[];
  try {
    nameFilters = filters
      .filter((filter) => filter.startsWith('name='))
      .map((filter) => new RegExp(filter.slice(5)));
  } catch (error) {
    io.err(`Error response from daemon: ${(error as Error).message}\n`);
    return 1;
  }
  const statusFilters = filters
    .filter((filter) => filter.startsWith('status='))
    .map((filter) => filter.slice(7));
  const containers = store
    .list()
    .filter((record) => all || statusFilters.length > 0 || record.status === 'running')
    // Docker matches the name filter as an unanchored regex against the name with and without its "/".
    .filter(
      (record) =>
        nameFilters.length === 0 ||
        nameFilters.some((regex) => regex.test(record.spec.name) || regex.test(`/${record.spec.name}`)),
    )
    .filter((record) => statusFilters.length === 0 || statusFilters.includes(record.status))
    .reverse();
  const format = last(parsed, '--format');
  if (has(parsed, '-q', '--quiet')) {
    for (const record of containers) io.out(`${record.id.slice(0, 12)}\n`);
    return 0;
  }
  if (format) {
    for (const record of containers) io.out(`${renderTemplate(format, psObject(record))}\n`);
    return 0;
  }
  const rows = containers.map((record) => psObject(record));
  const columns: [string, string][] = [
    ['CONTAINER ID', 'ID'],
    ['IMAGE', 'Image'],
    ['COMMAND', 'Command'],
    ['CREATED', 'RunningFor'],
    ['STATUS', 'Status'],
    ['PORTS', 'Ports'],
    ['NAMES', 'Names'],
  ];
  const widths = columns.map(
    ([title, key]) => Math.max(title.length, ...rows.map((row) => (row[key] ?? '').length)) + 3,
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('')
      .trimEnd();
  io.out(`${line(columns.map(([title]) => title))}\n`);
  for (const row of rows) io.out(`${line(columns.map(([, key]) => row[key] ?? ''))}\n`);
  return 0;
}
