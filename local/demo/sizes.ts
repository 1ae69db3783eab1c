/** How big a demo site to make. `small` keeps end-to-end tests fast; `default` is what `npm start` shows. */
export interface DemoSize {
  readers: number;
  bots: number;
  /** Pages and blog posts across all spaces. */
  contents: number;
  /** Product events replayed through the app's trigger on first start. */
  events: number;
  days: number;
}

export const DEMO_SIZES = {
  small: { readers: 4, bots: 1, contents: 36, events: 400, days: 90 },
  default: { readers: 14, bots: 2, contents: 320, events: 3000, days: 90 },
} as const satisfies Record<string, DemoSize>;

export type DemoSizeName = keyof typeof DEMO_SIZES;

export function isDemoSizeName(value: string): value is DemoSizeName {
  return Object.prototype.hasOwnProperty.call(DEMO_SIZES, value);
}
