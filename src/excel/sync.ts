/** A sync that never answers is given up after `ms`, with a message the clerk can act on. */
export class SyncTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`Excel 在 ${Math.round(ms / 1000)} 秒内没有响应，请稍后重试；工作簿未被修改。/ Excel did not answer within ${Math.round(ms / 1000)} s; nothing was changed.`);
    this.name = 'SyncTimeoutError';
  }
}

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

export async function syncWithin(context: { sync(): Promise<unknown> }, ms = DEFAULT_SYNC_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      context.sync(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SyncTimeoutError(ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** OfficeExtension.Error codes (and our simulator's) are on error.code. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}
