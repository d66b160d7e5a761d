import { useState } from 'hono/jsx/dom';

export type Theme = 'light' | 'dark';
const KEY = 'spark-control-theme';

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a saved choice before the first render, so the sign-in page has it too. */
export function applySavedTheme(): void {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
}

/** The saved theme, else the system's; applied as `data-theme` on <html>. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = localStorage.getItem(KEY);
    // Without a saved choice, CSS follows prefers-color-scheme live; data-theme is set only by the toggle.
    return saved === 'light' || saved === 'dark' ? saved : systemTheme();
  });
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    document.documentElement.dataset.theme = next;
    setTheme(next);
  };
  return [theme, toggle];
}
