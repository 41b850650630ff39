import { SimWorkbook } from './state';

/** Errors carry a code as OfficeExtension.Error does (error.code === 'PropertyNotLoaded'). */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

/** Excel on the web's limits: 5 MB per request and per response, 5,000,000 cells per read. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;

export interface SimStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  largestRequest: number;
  largestResponse: number;
}

export interface SimOptions {
  /** Make the Nth sync (1-based) fail as a lost connection would: nothing of it is applied. */
  failAtSync?: number;
  /** Make every sync from this one on hang (never resolve), as a stuck host would. */
  hangAtSync?: number;
  payloadLimit?: number;
  /** Milliseconds each sync takes, as a round trip to Excel would (0: the next macrotask). */
  latencyMs?: number;
}

export interface Op {
  /** Bytes this operation adds to the request. */
  bytes: number;
  /** Applies the operation; returns the bytes it adds to the response. */
  run(doc: SimWorkbook): number;
}

const encoder = new TextEncoder();
export function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v) ?? '').length;
}

export class SimContextCore {
  readonly stats: SimStats = { syncs: 0, requestBytes: 0, responseBytes: 0, largestRequest: 0, largestResponse: 0 };
  private queue: Op[] = [];
  constructor(
    readonly doc: SimWorkbook,
    readonly options: SimOptions = {},
  ) {}

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    // A real sync is a round trip: let the page paint (and timers run) before the answer.
    await new Promise<void>((resolve) => setTimeout(resolve, this.options.latencyMs ?? 0));
    const n = ++this.stats.syncs;
    const ops = this.queue;
    this.queue = [];
    if (this.options.hangAtSync !== undefined && n >= this.options.hangAtSync) return new Promise<void>(() => undefined);
    if (this.options.failAtSync === n) throw new SimError('ConnectionFailure', `sync ${n} failed (injected)`);
    const limit = this.options.payloadLimit ?? PAYLOAD_LIMIT;
    const request = 64 + ops.reduce((s, o) => s + o.bytes, 0);
    if (request > limit) throw new SimError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes exceeds ${limit}`);
    let response = 64;
    // Like Excel, operations run in order; one that fails stops the batch with the earlier ones applied.
    for (const op of ops) response += op.run(this.doc);
    this.stats.requestBytes += request;
    this.stats.largestRequest = Math.max(this.stats.largestRequest, request);
    if (response > limit) throw new SimError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes exceeds ${limit}`);
    this.stats.responseBytes += response;
    this.stats.largestResponse = Math.max(this.stats.largestResponse, response);
  }
}

/**
 * Base of every proxy: properties must be loaded and synced before they are read, exactly as
 * in Office.js; `load` only queues the read.
 */
export abstract class SimObject<T> {
  private loaded = new Map<string, unknown>();
  private target: T | null | undefined;

  constructor(
    protected readonly core: SimContextCore,
    private readonly resolver: (doc: SimWorkbook) => T | null,
    private readonly typeName: string,
  ) {}

  /** The document object this proxy stands for, found at its first use inside a sync. */
  protected resolve(doc: SimWorkbook): T | null {
    if (this.target === undefined) this.target = this.resolver(doc);
    return this.target;
  }

  /** The document object, or ItemNotFound (used inside syncs, also by other proxies). */
  targetIn(doc: SimWorkbook): T {
    const t = this.resolve(doc);
    if (t === null) throw new SimError('ItemNotFound', `${this.typeName} does not exist`);
    return t;
  }

  protected bind(t: T) {
    this.target = t;
  }

  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as V;
  }

  protected readScalar(_t: T, _prop: string): unknown {
    throw new SimError('InvalidArgument', `${this.typeName} has no property ${_prop}`);
  }

  /** Scalar properties a plain load() (no argument) brings. */
  protected defaultProps(): string[] {
    return [];
  }

  load(spec?: string | string[] | { select?: string }): this {
    const props = (typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : spec?.select?.split(',') ?? this.defaultProps()).map((p) => p.trim()).filter(Boolean);
    this.core.enqueue({
      bytes: 32 + props.join(',').length,
      run: (doc) => {
        const t = this.resolve(doc);
        if (t === null) {
          this.loaded.set('isNullObject', true);
          return 16;
        }
        this.loaded.set('isNullObject', false);
        let bytes = 0;
        for (const p of props) {
          const v = this.loadProp(t, p, doc);
          bytes += jsonBytes(v);
        }
        return bytes;
      },
    });
    return this;
  }

  /** Loads one property (collections override it for items/...). */
  protected loadProp(t: T, prop: string, _doc: SimWorkbook): unknown {
    const v = this.readScalar(t, prop);
    this.loaded.set(prop, structuredClone(v));
    return v;
  }

  protected setLoaded(prop: string, v: unknown) {
    this.loaded.set(prop, v);
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }

  /** Queues a write; `apply` runs against the document at sync. */
  protected write(bytes: number, apply: (t: T, doc: SimWorkbook) => void): void {
    this.core.enqueue({
      bytes,
      run: (doc) => {
        apply(this.targetIn(doc), doc);
        return 8;
      },
    });
  }
}
