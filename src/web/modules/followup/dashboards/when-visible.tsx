import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders `children` once the place they take comes near the screen: the map and the indicator
 * lines of a plan's dashboard (and their libraries) are fetched only by a reader who scrolls to them.
 */
export function WhenVisible({ children, minHeight }: { children: ReactNode; minHeight: string }) {
  const place = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (shown || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setShown(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return shown ? children : <div ref={place} style={{ minHeight }} />;
}
