// jsdom lacks a few things Node has and browsers have: give the task-pane tests the same.
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.structuredClone ??= (v: unknown) => deserialize(serialize(v));
g.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
