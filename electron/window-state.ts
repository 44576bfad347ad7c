import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the window between runs (userData/window-state.json). */
export const savedWindowStateSchema = z
  .object({
    bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }).strict(),
    maximized: z.boolean(),
  })
  .strict();
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Where to open the window: with x/y when the remembered place is still on a screen, else centred (no x/y). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** How much of the window's top strip (its title bar) must lie on one screen to be reachable. */
export const MIN_VISIBLE = { width: 120, height: 40 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The window's place at start: the remembered size and position when its title bar is still on
 * one of today's screens (work areas), clamped to fit that screen; otherwise (the monitor it was
 * on is gone, the resolution changed, the file is damaged) the remembered or default size, fitted
 * to the primary screen and centred there. Pure: main.ts passes screen.getAllDisplays()' work areas.
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[], sizing: WindowSizing, primary: Rect | undefined = workAreas[0]): WindowPlacement {
  const parsed = savedWindowStateSchema.safeParse(saved);
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(sizing.minWidth, area ? Math.min(size.width, area.width) : size.width),
    height: Math.max(sizing.minHeight, area ? Math.min(size.height, area.height) : size.height),
  });
  if (!parsed.success) return { ...fit(sizing, primary), maximized: false };
  const { bounds, maximized } = parsed.data;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, MIN_VISIBLE.height) };
  const screen = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE.width, bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, bounds.height);
  });
  if (!screen) return { ...fit(bounds, primary), maximized };
  const size = fit(bounds, screen);
  // Keep it on that screen: pull it back in where it sticks out to the right or bottom, never above the top.
  const x = Math.max(screen.x, Math.min(bounds.x, screen.x + screen.width - Math.min(size.width, screen.width)));
  const y = Math.max(screen.y, Math.min(bounds.y, screen.y + screen.height - Math.min(size.height, screen.height)));
  return { x, y, ...size, maximized };
}

/** What to write when the window closes: its normal (unmaximised) bounds and whether it was maximised. */
export function windowStateToSave(normalBounds: Rect, maximized: boolean): SavedWindowState {
  const r = (n: number) => Math.round(n);
  return { bounds: { x: r(normalBounds.x), y: r(normalBounds.y), width: Math.max(1, r(normalBounds.width)), height: Math.max(1, r(normalBounds.height)) }, maximized };
}
