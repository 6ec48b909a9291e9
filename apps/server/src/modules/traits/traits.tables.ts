import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TagCategoriesTable {
  workspace_id: string;
  id: string;
  name: string;
  parent_id: string | null;
  position: number;
  created_at: Time;
  updated_at: Time;
}

export interface TagsTable {
  workspace_id: string;
  id: string;
  name: string;
  category_id: string | null;
  owner: string | null;
  description: string;
  value_type: string;
  spec: Json;
  update_mode: string;
  interval_minutes: number | null;
  time_zone: string;
  status: string;
  lineage: Json;
  last_computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Time;
  created_by: string | null;
  updated_at: Time;
  updated_by: string | null;
}

export interface TagValuesTable {
  workspace_id: string;
  tag_id: string;
  profile_id: string;
  value: Json;
  details: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: Time;
}

export interface TagValueHistoryTable {
  id: Generated<string>;
  workspace_id: string;
  tag_id: string;
  profile_id: string;
  value: Json;
  valid_from: Time;
  valid_to: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TagImportRowsTable {
  workspace_id: string;
  tag_id: string;
  key: string;
  value: Json;
  seq: ColumnType<string, string | number, string | number>;
}

/** The tables the traits module owns (tag_values is created by the audience foundations migration). */
export type TraitsTables = {
  tag_categories: TagCategoriesTable;
  tags: TagsTable;
  tag_values: TagValuesTable;
  tag_value_history: TagValueHistoryTable;
  tag_import_rows: TagImportRowsTable;
};
