import { useState } from 'hono/jsx/dom';

export type Theme = 'light' | 'dark';
const KEY = 'spark-control-theme';

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The saved theme, else the system's; applied as `data-theme` on <html>. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = localStorage.getItem(KEY);
    const initial = saved === 'light' || saved === 'dark' ? saved : systemTheme();
    document.documentElement.dataset.theme = initial;
    return initial;
  });
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    document.documentElement.dataset.theme = next;
    setTheme(next);
  };
  return [theme, toggle];
}
