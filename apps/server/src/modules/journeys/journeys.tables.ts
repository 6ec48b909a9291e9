import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface JourneysTable {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  status: Defaulted<string>;
  priority: Defaulted<number>;
  definition: Json;
  published_version: Defaulted<number | null>;
  entry_cursor: Defaulted<string | null>;
  created_by: string | null;
  created_at: Time;
  updated_at: Time;
}

export interface JourneyVersionsTable {
  workspace_id: string;
  journey_id: string;
  version: number;
  definition: Json;
  published_at: Time;
}

export interface JourneyStatesTable {
  workspace_id: string;
  journey_id: string;
  profile_id: string;
  version: number;
  grp: string;
  step_id: string | null;
  status: Defaulted<string>;
  visits: Defaulted<number>;
  wake_at: NullableTime;
  waiting_since: NullableTime;
  reached: Defaulted<boolean>;
  entered_at: Time;
  finished_at: NullableTime;
  goal_deadline: NullableTime;
  goal_checked_at: NullableTime;
  converted_at: NullableTime;
  revenue: Defaulted<string>;
}

export interface JourneyStepLogTable {
  id: Generated<string>;
  workspace_id: string;
  journey_id: string;
  version: number;
  step_id: string;
  profile_id: string;
  outcome: string;
  at: Time;
}

export interface JourneyInboxTable {
  id: Generated<string>;
  workspace_id: string;
  journey_id: string;
  profile_id: string;
  at: Time;
}

export interface JourneyActionsTable {
  id: Generated<string>;
  workspace_id: string;
  journey_id: string;
  profile_id: string;
  key: string;
  action: Json;
  attempts: Defaulted<number>;
  last_error: Defaulted<string | null>;
  created_at: Time;
}

export interface ContactPoliciesTable {
  workspace_id: string;
  policy: Json;
  updated_at: Time;
}

export interface JourneysTables {
  journeys: JourneysTable;
  journey_versions: JourneyVersionsTable;
  journey_states: JourneyStatesTable;
  journey_step_log: JourneyStepLogTable;
  journey_inbox: JourneyInboxTable;
  journey_actions: JourneyActionsTable;
  contact_policies: ContactPoliciesTable;
}
