import { useEffect, useState } from 'react';

/** The modal comes in several sizes: two calendar months and side-by-side sections only when wide. */
export function useWide(breakpoint = 720): boolean {
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && window.innerWidth >= breakpoint);
  useEffect(() => {
    const onResize = () => setWide(window.innerWidth >= breakpoint);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [breakpoint]);
  return wide;
}
