import {
  ApartmentOutlined,
  BarChartOutlined,
  BugOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavKey =
  | 'overview'
  | 'sources'
  | 'debugger'
  | 'quarantine'
  | 'imports'
  | 'profiles'
  | 'identity'
  | 'tags'
  | 'audiences'
  | 'destinations'
  | 'journeys'
  | 'analytics'
  | 'privacy'
  | 'settings';

export type NavGroupKey = 'dataIn' | 'oneid' | 'tagsAudiences' | 'activation';

export interface NavItem {
  readonly key: NavKey;
  /** Where the menu entry links to. */
  readonly to: string;
  readonly icon: ReactNode;
  /** False: the page is on the roadmap and renders a "not available yet" placeholder. */
  readonly built: boolean;
}

export interface NavSection {
  /** Undefined: top-level entries without a group title. */
  readonly group?: NavGroupKey;
  readonly items: readonly NavItem[];
}

/** The navigation of the whole product roadmap. */
export const NAVIGATION: readonly NavSection[] = [
  { items: [{ key: 'overview', to: '/', icon: <DashboardOutlined />, built: true }] },
  {
    group: 'dataIn',
    items: [
      { key: 'sources', to: '/sources', icon: <DatabaseOutlined />, built: true },
      { key: 'debugger', to: '/debugger', icon: <BugOutlined />, built: true },
      { key: 'quarantine', to: '/debugger?tab=quarantine', icon: <WarningOutlined />, built: true },
      { key: 'imports', to: '/imports', icon: <UploadOutlined />, built: true },
    ],
  },
  {
    group: 'oneid',
    items: [
      { key: 'profiles', to: '/profiles', icon: <IdcardOutlined />, built: true },
      { key: 'identity', to: '/identity', icon: <ApartmentOutlined />, built: true },
    ],
  },
  {
    group: 'tagsAudiences',
    items: [
      { key: 'tags', to: '/tags', icon: <TagsOutlined />, built: true },
      { key: 'audiences', to: '/audiences', icon: <TeamOutlined />, built: true },
    ],
  },
  {
    group: 'activation',
    items: [
      { key: 'destinations', to: '/destinations', icon: <SendOutlined />, built: true },
      { key: 'journeys', to: '/journeys', icon: <NodeIndexOutlined />, built: true },
    ],
  },
  {
    items: [
      { key: 'analytics', to: '/analytics', icon: <BarChartOutlined />, built: false },
      { key: 'privacy', to: '/privacy', icon: <SafetyCertificateOutlined />, built: false },
      { key: 'settings', to: '/settings', icon: <SettingOutlined />, built: true },
    ],
  },
];

export const ROADMAP_ITEMS: readonly NavItem[] = NAVIGATION.flatMap((s) => s.items).filter((i) => !i.built);

/** Which menu entry is active for a location. */
export function activeNavKey(pathname: string, search: string): NavKey | undefined {
  if (pathname === '/' || pathname === '') return 'overview';
  const first = pathname.split('/')[1];
  if (first === 'debugger')
    return new URLSearchParams(search).get('tab') === 'quarantine' ? 'quarantine' : 'debugger';
  const item = NAVIGATION.flatMap((s) => s.items).find((i) => i.key === first);
  return item?.key;
}
