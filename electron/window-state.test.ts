import { describe, expect, it } from 'vitest';
import { placeWindow, windowStateToSave, type Rect } from './window-state';

const sizing = { width: 1280, height: 860, minWidth: 900, minHeight: 600 };
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const leftMonitor: Rect = { x: -1680, y: 0, width: 1680, height: 1010 };

describe('window placement', () => {
  it('reopens where it was, on the same monitor', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 1500, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor], sizing)).toEqual({ x: 2100, y: 80, width: 1500, height: 1000, maximized: false });
    const left = { bounds: { x: -1500, y: 40, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(left, [laptop, leftMonitor], sizing)).toEqual({ x: -1500, y: 40, width: 1200, height: 800, maximized: true });
  });

  it('never reopens on a monitor that is gone: centred on the primary screen, size fitted', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 2400, height: 1300 }, maximized: true };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ width: 1920, height: 1040, maximized: true });
    const onLeft = { bounds: { x: -1500, y: 40, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(onLeft, [laptop], sizing)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('a window whose title bar is off every screen (only its bottom edge visible) is centred', () => {
    const saved = { bounds: { x: 100, y: -830, width: 1200, height: 860 }, maximized: false };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ width: 1200, height: 860, maximized: false });
  });

  it('a window that sticks out of its screen is pulled back in', () => {
    const saved = { bounds: { x: 1700, y: 900, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ x: 720, y: 240, width: 1200, height: 800, maximized: false });
  });

  it('without a usable saved state it uses the default size, never below the minimum', () => {
    expect(placeWindow(undefined, [laptop], sizing)).toEqual({ width: 1280, height: 860, maximized: false });
    expect(placeWindow({ bounds: { x: 'a' }, maximized: false }, [laptop], sizing)).toEqual({ width: 1280, height: 860, maximized: false });
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false }, [laptop], sizing)).toEqual({ x: 0, y: 0, width: 900, height: 600, maximized: false });
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }], sizing)).toEqual({ width: 1024, height: 700, maximized: false });
    expect(placeWindow(null, [], sizing)).toEqual({ width: 1280, height: 860, maximized: false });
  });

  it('saves whole pixels', () => {
    expect(windowStateToSave({ x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, false)).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 701 }, maximized: false });
  });
});
