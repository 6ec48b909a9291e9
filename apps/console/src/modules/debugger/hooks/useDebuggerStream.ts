import type { DebuggerFrame } from '@cdp/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { parseFrame } from '../live.ts';

export type StreamStatus = 'connecting' | 'open' | 'error' | 'closed';

export interface StreamHandlers {
  readonly onFrames: (frames: DebuggerFrame[]) => void;
  /** Called on every (re)connection, to reload what may have been missed. */
  readonly onOpen?: () => void;
}

/** Frames are delivered in small batches so that a busy source does not re-render on every message. */
const FLUSH_MS = 200;

/**
 * Subscribes to the live debugger stream (Server-Sent Events, same origin, cookie auth).
 * The browser reconnects by itself after network errors; `reconnect()` starts over after a fatal one.
 */
export function useDebuggerStream(sourceId: string | undefined, handlers: StreamHandlers) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handlersRef = useRef(handlers);
  const queryClient = useQueryClient();

  useEffect(() => {
    handlersRef.current = handlers;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger of reconnect()
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('closed');
      return;
    }
    setStatus('connecting');
    const source = new EventSource(api.debuggerStreamUrl({ sourceId }));
    let queue: DebuggerFrame[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = (): void => {
      timer = undefined;
      const frames = queue;
      queue = [];
      if (frames.length) handlersRef.current.onFrames(frames);
    };

    source.onopen = () => {
      setStatus('open');
      handlersRef.current.onOpen?.();
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setStatus('closed');
        // A refused stream is often an expired session: re-check it (401 → /login).
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      } else {
        setStatus('error');
      }
    };
    source.onmessage = (e: MessageEvent<string>) => {
      const frame = parseFrame(e.data);
      if (!frame) return;
      queue.push(frame);
      timer ??= setTimeout(flush, FLUSH_MS);
    };

    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [sourceId, attempt, queryClient]);

  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, reconnect };
}
