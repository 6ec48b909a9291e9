import type { Role } from '@cdp/protocol';

/** Every admin route declares one of these; roles grant them. A route without one is refused. */
export const PERMISSIONS = [
  'sources:read',
  'sources:write',
  'events:read',
  'quarantine:write',
  'profiles:read',
  'profiles:write',
  'identity:write',
  'tags:read',
  'tags:write',
  'audiences:read',
  'audiences:write',
  'destinations:read',
  'destinations:manage',
  'syncs:write',
  'journeys:read',
  'journeys:write',
  'tokens:write',
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: readonly Permission[] = [
  'sources:read',
  'events:read',
  'profiles:read',
  'tags:read',
  'audiences:read',
  'destinations:read',
  'journeys:read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  // data engineers connect destinations (their credentials); marketers decide what flows to them
  data_engineer: [
    ...READ,
    'sources:write',
    'quarantine:write',
    'profiles:write',
    'destinations:manage',
    'syncs:write',
  ],
  // marketers define tags and select audiences themselves (标签工厂, 人群圈选)
  marketer: [...READ, 'tags:write', 'audiences:write', 'syncs:write', 'journeys:write'],
  analyst: READ,
  viewer: READ,
  privacy_officer: READ,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
