import type { Condition } from '@cdp/protocol';
import { Flex, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useMembershipExplanation } from '../hooks/useAudiences.ts';
import { ExplainTree } from './ExplainTree.tsx';

/** Type a profile id, see why that person is (not) in the audience. */
export function ExplainLookup({
  audienceId,
  definition,
}: {
  readonly audienceId: string;
  readonly definition: Condition | null;
}) {
  const { t } = useTranslation();
  const [profileId, setProfileId] = useState('');
  const explanation = useMembershipExplanation(audienceId, profileId);
  return (
    <Flex vertical gap={12}>
      <Input.Search
        data-testid="explain-profile"
        style={{ maxWidth: 420 }}
        placeholder={t('audiences.explain.placeholder')}
        enterButton={t('audiences.explain.check')}
        allowClear
        onSearch={(v) => setProfileId(v.trim())}
      />
      {explanation.isError ? <ErrorAlert error={explanation.error} /> : null}
      {explanation.isFetching && !explanation.data ? <Spin /> : null}
      {explanation.data ? <ExplainTree explanation={explanation.data} definition={definition} /> : null}
    </Flex>
  );
}
