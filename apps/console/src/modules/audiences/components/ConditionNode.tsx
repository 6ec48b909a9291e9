import { DeleteOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Condition } from '@cdp/protocol';
import { Button, Card, Dropdown, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultCondition, emptyGroup, isGroup, LEAF_KINDS, type NodePath, samePath } from '../tree.ts';
import { EventConditionForm, SequenceConditionForm } from './EventConditionForms.tsx';
import {
  AudienceConditionForm,
  IdentifierConditionForm,
  TagConditionForm,
  TraitConditionForm,
} from './ProfileConditionForms.tsx';

/** The edits a node can ask for; RuleBuilder applies them with the pure functions of tree.ts. */
export interface TreeActions {
  readonly replace: (path: NodePath, node: Condition) => void;
  readonly remove: (path: NodePath) => void;
  readonly add: (path: NodePath, node: Condition) => void;
  readonly toggleGroup: (path: NodePath) => void;
  readonly toggleNot: (path: NodePath) => void;
}

/** A server validation error and the node it is about. */
export interface Invalid {
  readonly path: NodePath;
  readonly message: string;
}

interface Props {
  readonly node: Condition;
  readonly path: NodePath;
  readonly actions: TreeActions;
  /** The audience being edited, which an audience condition must not reference. */
  readonly selfId?: string;
  readonly invalid?: Invalid;
}

function LeafForm({ node, path, actions, selfId }: Props) {
  const set = (next: Condition) => actions.replace(path, next);
  switch (node.kind) {
    case 'event':
      return <EventConditionForm node={node} onChange={set} />;
    case 'sequence':
      return <SequenceConditionForm node={node} onChange={set} />;
    case 'trait':
      return <TraitConditionForm node={node} onChange={set} />;
    case 'tag':
      return <TagConditionForm node={node} onChange={set} />;
    case 'audience':
      return <AudienceConditionForm node={node} onChange={set} selfId={selfId} />;
    case 'identifier':
      return <IdentifierConditionForm node={node} onChange={set} />;
    default:
      return null;
  }
}

/** One node of the rule builder: a group (AND/OR with its children), a NOT, or a leaf with its form. */
export function ConditionNode(props: Props) {
  const { node, path, actions } = props;
  const { t } = useTranslation();
  const root = path.length === 0;
  const problem = props.invalid && samePath(props.invalid.path, path) ? props.invalid.message : null;
  const tools = (
    <Flex gap={4}>
      {root ? null : (
        <Tooltip title={t('audiences.rule.not')}>
          <Button
            size="small"
            type={node.kind === 'not' ? 'primary' : 'text'}
            icon={<StopOutlined />}
            data-testid="condition-not"
            aria-label={t('audiences.rule.not')}
            onClick={() => actions.toggleNot(path)}
          />
        </Tooltip>
      )}
      {root ? null : (
        <Tooltip title={t('audiences.rule.remove')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            data-testid="condition-remove"
            aria-label={t('audiences.rule.remove')}
            onClick={() => actions.remove(path)}
          />
        </Tooltip>
      )}
    </Flex>
  );

  if (node.kind === 'not')
    return (
      <Flex vertical gap={4} data-testid="condition-not-node">
        <Flex justify="space-between" align="center">
          <Tag color="red">{t('audiences.rule.notLabel')}</Tag>
          {tools}
        </Flex>
        <div style={{ paddingLeft: 12, borderLeft: '2px solid #ff4d4f' }}>
          <ConditionNode {...props} node={node.condition} path={[...path, 0]} />
        </div>
      </Flex>
    );

  if (isGroup(node))
    return (
      <Flex
        vertical
        gap={8}
        data-testid="condition-group"
        data-path={path.join('.')}
        style={{
          padding: root ? 0 : 12,
          border: root ? undefined : '1px dashed rgba(5,5,5,0.15)',
          borderRadius: 8,
        }}
      >
        <Flex justify="space-between" align="center">
          <Segmented<'and' | 'or'>
            data-testid="group-operator"
            value={node.kind}
            onChange={(kind) => kind !== node.kind && actions.toggleGroup(path)}
            options={[
              { value: 'and', label: t('audiences.rule.all') },
              { value: 'or', label: t('audiences.rule.any') },
            ]}
          />
          {tools}
        </Flex>
        {node.conditions.length === 0 ? (
          <Tag style={{ alignSelf: 'flex-start' }}>{t('audiences.rule.emptyGroup')}</Tag>
        ) : null}
        {node.conditions.map((child, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions are addressed by position
          <ConditionNode key={i} {...props} node={child} path={[...path, i]} />
        ))}
        <Flex gap={8}>
          <Dropdown
            trigger={['click']}
            menu={{
              items: LEAF_KINDS.map((kind) => ({
                key: kind,
                label: <span data-testid={`add-kind-${kind}`}>{t(`audiences.rule.kinds.${kind}`)}</span>,
              })),
              onClick: ({ key }) => actions.add(path, defaultCondition(key as (typeof LEAF_KINDS)[number])),
            }}
          >
            <Button size="small" type="dashed" icon={<PlusOutlined />} data-testid="add-condition">
              {t('audiences.rule.addCondition')}
            </Button>
          </Dropdown>
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            data-testid="add-group"
            onClick={() => actions.add(path, emptyGroup(node.kind === 'and' ? 'or' : 'and'))}
          >
            {t('audiences.rule.addGroup')}
          </Button>
        </Flex>
      </Flex>
    );

  return (
    <Card
      size="small"
      data-testid={`condition-${node.kind}`}
      title={t(`audiences.rule.kinds.${node.kind}`)}
      extra={tools}
      styles={{ header: { minHeight: 36 } }}
      style={problem ? { borderColor: '#ff4d4f' } : undefined}
    >
      <LeafForm {...props} />
      {problem ? (
        <Typography.Text
          type="danger"
          data-testid="condition-error"
          style={{ display: 'block', marginTop: 8 }}
        >
          {problem}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
