import type { ActivationTables } from './modules/activation/index.ts';
import type { AuthTables } from './modules/auth/index.ts';
import type { IdentityTables } from './modules/identity/index.ts';
import type { ImportsTables } from './modules/imports/index.ts';
import type { IngestTables } from './modules/ingest/index.ts';
import type { JourneysTables } from './modules/journeys/index.ts';
import type { ProfilesTables } from './modules/profiles/index.ts';
import type { SegmentsTables } from './modules/segments/index.ts';
import type { SourcesTables } from './modules/sources/index.ts';
import type { TraitsTables } from './modules/traits/index.ts';

/** The typed schema of the whole database: each module owns and declares its tables. */
export interface Database
  extends AuthTables,
    SourcesTables,
    IngestTables,
    IdentityTables,
    ProfilesTables,
    ImportsTables,
    TraitsTables,
    SegmentsTables,
    ActivationTables,
    JourneysTables {}
