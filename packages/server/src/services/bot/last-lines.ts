/** The last lines of a command's output, short enough for a message. */
export function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join('\n').slice(-800);
}
