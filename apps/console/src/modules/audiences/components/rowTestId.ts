import type { HTMLAttributes } from 'react';

/** `onRow` props giving each table row a data-testid (antd types rows as plain HTML attributes). */
export const rowTestId = (id: string): HTMLAttributes<HTMLElement> => ({ ['data-testid' as string]: id });
