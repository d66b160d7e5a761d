/**
 * True when `value` nests arrays and objects more than `limit` levels deep. Iterative, and it
 * stops at the first branch past the limit, so it is safe on input that would overflow the stack
 * of `JSON.stringify` or any recursive walk.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
