import { useEffect, useState } from 'hono/jsx/dom';

/** Messages kept in the region: enough that two said in the same moment are both read. */
const KEPT = 4;
const listeners = new Set<(message: string) => void>();

/** Says `message` to screen readers through the page's one polite live region. */
export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

/** The polite live region (rendered once, visually hidden); each announcement is a new line in it. */
export function Announcer() {
  const [messages, setMessages] = useState<{ key: number; text: string }[]>([]);
  useEffect(() => {
    let next = 0;
    const listener = (text: string) => setMessages((kept) => [...kept, { key: next++, text }].slice(-KEPT));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-relevant="additions" data-announcer>
      {messages.map((message) => (
        <p key={message.key}>{message.text}</p>
      ))}
    </div>
  );
}
