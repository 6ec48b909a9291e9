import type { MenuProps } from 'antd';
import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { activeNavKey, NAVIGATION } from './navigation.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Side navigation; each entry is a real link carrying data-testid="nav-<key>". */
export function SideMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const selected = activeNavKey(location.pathname, location.search);

  const items = useMemo<MenuItem[]>(
    () =>
      NAVIGATION.flatMap((section, index): MenuItem[] => {
        const entries: MenuItem[] = section.items.map((item) => ({
          key: item.key,
          icon: item.icon,
          label: (
            <Link to={item.to} data-testid={`nav-${item.key}`}>
              {t(`nav.${item.key}`)}
            </Link>
          ),
        }));
        if (section.group)
          return [
            {
              type: 'group',
              key: `group-${section.group}`,
              label: t(`nav.groups.${section.group}`),
              children: entries,
            },
          ];
        return index === 0 ? entries : [{ type: 'divider', key: `divider-${index}` }, ...entries];
      }),
    [t],
  );

  return <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} />;
}
