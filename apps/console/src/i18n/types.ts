import type zhCN from './zh-CN.ts';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every locale must have: the keys of the default (zh-CN) messages, any string values. */
export type Messages = Strings<typeof zhCN>;
