import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import type { Condition, MembershipExplanation } from '@cdp/protocol';
import type { TreeDataNode as DataNode } from 'antd';
import { Alert, Flex, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { type ExplainLine, explainLines } from '../explain.ts';
import { useDefinitionNames } from '../hooks/useDefinitionNames.ts';

const Held = ({ held }: { held: boolean }) =>
  held ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;

function toTreeData(line: ExplainLine, observedLabel: (text: string) => string): DataNode {
  return {
    key: line.key,
    title: (
      <Flex gap={6} align="center" wrap data-testid="explain-node" data-held={line.held}>
        <Held held={line.held} />
        <span>{line.text}</span>
        {line.observed ? (
          <Typography.Text type="secondary">{observedLabel(line.observed)}</Typography.Text>
        ) : null}
      </Flex>
    ),
    children: line.children.map((c) => toTreeData(c, observedLabel)),
  };
}

/** "Why (not)": membership, then each condition with ✓/✗ and what was observed. */
export function ExplainTree({
  explanation,
  definition,
}: {
  readonly explanation: MembershipExplanation;
  readonly definition: Condition | null;
}) {
  const { t, i18n } = useTranslation();
  const names = useDefinitionNames();
  const tree = useMemo(() => {
    if (!explanation.explanation) return null;
    const root = explainLines(explanation.explanation, definition, t, names);
    return [toTreeData(root, (observed) => t('audiences.explain.observed', { observed }))];
  }, [explanation, definition, t, names]);
  const last = explanation.lastChange;

  return (
    <Flex vertical gap={8} data-testid="explain-result" data-member={explanation.member}>
      <Alert
        type={explanation.member ? 'success' : 'info'}
        showIcon
        title={t(explanation.member ? 'audiences.explain.member' : 'audiences.explain.notMember')}
        description={
          <Flex gap={8} wrap>
            <Tag color={explanation.matches ? 'green' : 'default'}>
              {t(explanation.matches ? 'audiences.explain.matchesNow' : 'audiences.explain.notMatchesNow')}
            </Tag>
            {explanation.enteredAt ? (
              <span>
                {t('audiences.explain.enteredAt', {
                  at: formatDateTime(explanation.enteredAt, i18n.language),
                })}
              </span>
            ) : null}
            {last ? (
              <span>
                {t('audiences.explain.lastChange', {
                  change: t(`audiences.changes.${last.change}`),
                  at: formatDateTime(last.at, i18n.language),
                })}
              </span>
            ) : null}
          </Flex>
        }
      />
      {explanation.matchedIdentifiers ? (
        <Typography.Text>
          {explanation.matchedIdentifiers.length > 0
            ? t('audiences.explain.matchedIdentifiers', {
                ids: explanation.matchedIdentifiers.join(t('audiences.describe.listJoin')),
              })
            : t('audiences.explain.noneMatched')}
        </Typography.Text>
      ) : null}
      {tree ? <Tree treeData={tree} defaultExpandAll showLine selectable={false} /> : null}
    </Flex>
  );
}
