import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isUnauthorized } from '../../../api/client.ts';
import { FullPageSpin } from '../../../ui/FullPageSpin.tsx';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useMe } from '../hooks/useAuth.ts';

export interface LoginRedirectState {
  readonly from?: string;
}

/** Renders its children only for a signed-in user; a 401 from `auth.me` redirects to /login. */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const location = useLocation();
  const me = useMe();

  if (me.isError && isUnauthorized(me.error)) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.isPending) return <FullPageSpin tip={t('auth.checking')} />;
  if (me.isError && !me.data) {
    return (
      <Result
        status="warning"
        title={t('auth.unavailableTitle')}
        subTitle={describe(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('auth.retry')}
          </Button>
        }
      />
    );
  }
  return children;
}
