'use client';
// Brings the cited sentence into view (and focus, for screen readers) after navigation, also
// when the browser did not jump to #cited by itself (client-side navigation).
import { useEffect } from 'react';

export function ScrollToCited({ factId }: { factId: number | null }) {
  useEffect(() => {
    if (factId === null) return;
    const el = document.getElementById('cited');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [factId]);
  return null;
}
