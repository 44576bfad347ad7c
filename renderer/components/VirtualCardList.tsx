import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Lists up to this many cards render whole; longer ones only the rows on screen (and a few around). */
const RENDER_ALL_UP_TO = 60;

/**
 * A grid of cards (`.card-list`) that stays fast with thousands of items: only the rows in and
 * near the window are in the page; the rest is represented by padding, so the page scrolls as if
 * every card were there. Rows are measured from the first card; columns follow the grid's width.
 */
export function VirtualCardList<T>({
  items,
  itemKey,
  renderItem,
  label,
  className = 'card-list',
  itemClassName = 'card',
  minColumnWidth = 280,
  gap = 12,
  estimatedHeight = 190,
}: {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  label: string;
  className?: string;
  itemClassName?: string;
  minColumnWidth?: number;
  gap?: number;
  estimatedHeight?: number;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [layout, setLayout] = useState({ columns: 1, rowHeight: estimatedHeight + gap, top: 0 });
  const isVirtual = items.length > RENDER_ALL_UP_TO;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !isVirtual) return;
    const measure = () => {
      const columns = Math.max(1, Math.floor((list.clientWidth + gap) / (minColumnWidth + gap)));
      const first = list.querySelector('li');
      const rowHeight = first ? Math.ceil(first.getBoundingClientRect().height) + gap : estimatedHeight + gap;
      const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
      setLayout((l) => (l.columns === columns && l.rowHeight === rowHeight && l.top === top ? l : { columns, rowHeight, top }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [isVirtual, gap, minColumnWidth, estimatedHeight]);

  const rows = Math.ceil(items.length / layout.columns);
  const virtualizer = useWindowVirtualizer({
    count: isVirtual ? rows : 0,
    estimateSize: () => layout.rowHeight,
    overscan: 3,
    scrollMargin: layout.top,
  });

  if (!isVirtual) {
    return (
      <ul ref={listRef} className={className} aria-label={label}>
        {items.map((item) => (
          <li key={itemKey(item)} className={itemClassName}>
            {renderItem(item)}
          </li>
        ))}
      </ul>
    );
  }

  const visibleRows = virtualizer.getVirtualItems();
  const firstRow = visibleRows[0]?.index ?? 0;
  const lastRow = visibleRows.at(-1)?.index ?? Math.min(rows - 1, 5);
  const from = firstRow * layout.columns;
  const shown = items.slice(from, (lastRow + 1) * layout.columns);
  return (
    <ul
      ref={listRef}
      className={className}
      aria-label={label}
      style={{ paddingTop: firstRow * layout.rowHeight, paddingBottom: Math.max(0, rows - lastRow - 1) * layout.rowHeight }}
    >
      {shown.map((item, i) => (
        <li key={itemKey(item)} className={itemClassName} aria-setsize={items.length} aria-posinset={from + i + 1}>
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
