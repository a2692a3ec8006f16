// What the worker may ask of the offscreen document.
export const OFFSCREEN_TARGET = 'xtt-offscreen';

export type OffscreenRequest =
  | { target: typeof OFFSCREEN_TARGET; op: 'write'; text: string }
  | { target: typeof OFFSCREEN_TARGET; op: 'clear-if'; fingerprint: string };
