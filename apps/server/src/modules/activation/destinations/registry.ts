import type { DestinationType } from '../destination.ts';
import { adAudiencesDestination } from './ad-audiences.ts';
import { emailDestination } from './email.ts';
import { fileDestination } from './files.ts';
import { natsDestination } from './nats.ts';
import { redisStreamDestination } from './redis-stream.ts';
import { smsDestination } from './sms.ts';
import { sqlTableDestination } from './sql-table.ts';
import { webhookDestination } from './webhook.ts';
import { wechatTemplateDestination } from './wechat.ts';

/** A type as the worker sees it: its config is whatever its schema parsed. */
const erase = <C>(type: DestinationType<C>) => type as unknown as DestinationType<unknown>;

/** Every destination type the server offers, by type name. */
export const DESTINATION_TYPES: ReadonlyMap<string, DestinationType<unknown>> = new Map(
  [
    erase(webhookDestination),
    erase(emailDestination),
    erase(smsDestination),
    erase(wechatTemplateDestination),
    erase(adAudiencesDestination),
    erase(fileDestination),
    erase(natsDestination),
    erase(redisStreamDestination),
    erase(sqlTableDestination),
  ].map((t) => [t.type, t]),
);
