import type { ConditionGroup } from '@cdp/protocol';
import { useMemo } from 'react';
import { addChild, editableRoot, removeAt, replaceAt, toggleGroup, toggleNot } from '../tree.ts';
import { ConditionNode, type Invalid, type TreeActions } from './ConditionNode.tsx';

interface Props {
  readonly root: ConditionGroup;
  readonly onChange: (root: ConditionGroup) => void;
  readonly selfId?: string;
  readonly invalid?: Invalid;
}

/** Visual editor of a condition tree; every edit goes through the pure functions of tree.ts. */
export function RuleBuilder({ root, onChange, selfId, invalid }: Props) {
  const actions = useMemo<TreeActions>(() => {
    const apply = (next: Parameters<typeof editableRoot>[0]) => onChange(editableRoot(next));
    return {
      replace: (path, node) => apply(replaceAt(root, path, node)),
      remove: (path) => apply(removeAt(root, path)),
      add: (path, node) => apply(addChild(root, path, node)),
      toggleGroup: (path) => apply(toggleGroup(root, path)),
      toggleNot: (path) => apply(toggleNot(root, path)),
    };
  }, [root, onChange]);
  return <ConditionNode node={root} path={[]} actions={actions} selfId={selfId} invalid={invalid} />;
}
