/**
 * Ctrl+P / ⌘P prints the page the Print button composes (./printMap.ts: the whole region rendered
 * for an A4 map box, with title, north arrow, scale, legend and the item list), not the live page:
 * the browser's own print of a WebGL canvas keeps the screen's frame, stretched or cropped into
 * the page's map box. The browser's menu (File → Print) is not a key press and still prints the
 * live page, laid out by print.css.
 */
import { useEffect, useRef } from 'react';
import type { Paper } from './printMap';

export function usePrintShortcut(print: (paper: Paper) => Promise<void>): void {
  // the latest print action, without listening again on every render
  const latest = useRef(print);
  useEffect(() => {
    latest.current = print;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
      e.preventDefault();
      void latest.current('a4');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
