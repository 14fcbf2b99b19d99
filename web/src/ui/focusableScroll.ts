import { useEffect } from 'react';

/**
 * A table that scrolls sideways on a narrow screen must be reachable by
 * keyboard (WCAG 2.1.1; axe scrollable-region-focusable): every table's
 * scroll container, in every shell, whoever renders it, gets a tab stop.
 */
export function useFocusableScrollRegions() {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
